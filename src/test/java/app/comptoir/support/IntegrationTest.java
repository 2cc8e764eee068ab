package app.comptoir.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import app.comptoir.channels.FakeVinted;
import app.comptoir.payments.FakeStripe;

/**
 * An integration test against the whole application on a random port, over real HTTP, with the
 * embedded real PostgreSQL. Every test class uses the same configuration, so the Spring context and
 * the database are started once per test JVM and shared (tests create their own tenants to stay
 * independent). Demo mode is on, so the demo logins of the README exist, with their data loaded before the
 * context is ready (not in the background as on a real first start). The embedded database runs
 * without fsync (a test database is thrown away; the durable default is tested in
 * {@code EmbeddedDatabaseIT}), the metrics and OpenAPI document, opt-in in production, are exposed, and Stripe is
 * the local {@link FakeStripe}, Vinted the local {@link FakeVinted} (channels' publication jobs run when a test
 * asks, without spacing between writes). Webhooks and a business's own assistant provider may call this machine (the tests'
 * receivers and fake model servers).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "comptoir.demo.enabled=true",
        "comptoir.demo.background=false",
        "comptoir.security.login.attempts-per-ip=100000",
        "comptoir.security.login.first-delay=1m",
        // RoleMatrixIT, ApiFuzzIT and the benchmarks send thousands of requests with one token: limits far above
        // them, still on (their headers are checked); ApiRateLimitIT tries low ones on a second node.
        "comptoir.api.rate-limit.per-business=100000000",
        "comptoir.api.rate-limit.per-user=100000000",
        "logging.file.name=",
        "spring.thymeleaf.cache=false",
        "comptoir.db.durable=false",
        "comptoir.expose.metrics=true",
        "comptoir.expose.api-docs=true",
        "comptoir.webhooks.allow-private-addresses=true",
        "comptoir.assistant.business-private-addresses=true",
        "comptoir.assistant.embeddings.backfill-on-start=false",
        // The operator console's operator (OperatorConsoleIT signs this address up once).
        "comptoir.operator-emails=" + IntegrationTest.OPERATOR_EMAIL
})
@ContextConfiguration(initializers = {TestDataDirectory.class, FakeStripe.Initializer.class, FakeVinted.Initializer.class})
public @interface IntegrationTest {

    /** The e-mail the tests' deployment lists as its operator (COMPTOIR_OPERATOR_EMAILS). */
    String OPERATOR_EMAIL = "operator-console@example.test";
}
