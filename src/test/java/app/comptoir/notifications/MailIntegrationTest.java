package app.comptoir.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * An e-mail integration test: the whole application against the SMTP server of {@link MailTesting}, in one context
 * shared by every class that carries this annotation (no demo businesses: the tests sign up their own), with
 * retries 3 seconds apart and db-scheduler polling every second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "comptoir.demo.enabled=false",
        "comptoir.security.login.attempts-per-ip=100000",
        "logging.file.name=",
        "comptoir.db.durable=false",
        "comptoir.expose.api-docs=true",
        "comptoir.expose.metrics=true",
        "comptoir.public-url=" + MailTesting.PUBLIC_URL,
        "comptoir.mail.from=Comptoir <ne-pas-repondre@comptoir.test>",
        "comptoir.mail.retry-delays=3s,3s,3s",
        "db-scheduler.polling-interval=1s",
        "comptoir.operator-emails=" + MailIntegrationTest.OPERATOR_EMAIL
})
@ContextConfiguration(initializers = MailTesting.class)
public @interface MailIntegrationTest {

    /** The e-mail this context's deployment lists as its operator (COMPTOIR_OPERATOR_EMAILS). */
    String OPERATOR_EMAIL = "operator-mails@example.test";
}
