package app.comptoir.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.ProductChanged;
import app.comptoir.inventory.application.AlertDetector;
import app.comptoir.inventory.application.RemovedVariants;
import app.comptoir.inventory.persistence.LevelStore;
import app.comptoir.platform.TenantContext;

/**
 * The inventory module with the modules it depends on (catalog, identity, platform) and the embedded
 * database (identity is included for the platform port it implements, AccountStatus): the catalog's
 * {@link ProductChanged} handled by inventory through the event publication registry.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "identity")
@TestPropertySource(properties = {"comptoir.demo.enabled=false", "logging.file.name="})
@ContextConfiguration(initializers = RemovedVariantsModuleTest.OwnDataDirectory.class)
class RemovedVariantsModuleTest {

    /**
     * A data directory (embedded PostgreSQL) of its own: the integration tests' shared context may run in
     * the same JVM, and two databases cannot share one directory.
     */
    static class OwnDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createTempDirectory("comptoir-module-test-");
                dir.toFile().deleteOnExit();
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("comptoir-module-test-data",
                        Map.of("comptoir.data-dir", dir.toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    StockLocations locations;

    @Autowired
    LevelStore levels;

    @Autowired
    AlertDetector detector;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ApplicationContext context;

    @Test
    void deletingAProductInTheCatalogResolvesTheOpenAlertsOfItsVariantsOnly(Scenario scenario) {
        UUID tenant = newBusiness();
        UUID gone = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        runOut(tenant, gone);
        runOut(tenant, kept);

        scenario.publish(new ProductChanged(tenant, UUID.randomUUID(), ProductChanged.Change.DELETED, List.of(gone)))
                .andWaitForStateChange(() -> openAlerts(tenant, gone), open -> open == 0)
                .andVerify(open -> assertThat(openAlerts(tenant, kept)).isOne());

        // Completed publications are deleted (spring.modulith.events.completion-mode: delete).
        await().atMost(Duration.ofSeconds(10)).until(() -> publications(tenant) == 0);
    }

    @Test
    void aChangeThatRemovedNoVariantCostsNoPublication() {
        UUID tenant = newBusiness();
        UUID product = UUID.randomUUID();

        new TransactionTemplate(txManager).executeWithoutResult(status ->
                events.publishEvent(new ProductChanged(tenant, product, ProductChanged.Change.UPDATED)));

        assertThat(publications(tenant)).isZero();
    }

    @Test
    void aPublicationLeftIncompleteWhenTheNodeStoppedIsHandledAfterARestart() {
        UUID tenant = newBusiness();
        UUID gone = UUID.randomUUID();
        runOut(tenant, gone);
        ProductChanged deleted = new ProductChanged(tenant, UUID.randomUUID(), ProductChanged.Change.DELETED,
                List.of(gone));
        // What the registry stores in the catalog's transaction; the node stops before the listener ran.
        new TransactionTemplate(txManager).executeWithoutResult(status -> registry.store(deleted,
                Stream.of(PublicationTargetIdentifier.of(RemovedVariants.LISTENER_ID))));
        assertThat(publications(tenant)).isOne();
        assertThat(openAlerts(tenant, gone)).isOne();

        // What the registry does when the application starts again (republish-outstanding-events-on-restart).
        ((SmartInitializingSingleton) context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME))
                .afterSingletonsInstantiated();

        await().atMost(Duration.ofSeconds(10)).until(() -> openAlerts(tenant, gone) == 0 && publications(tenant) == 0);
    }

    /** A business that keeps stock (its default location and alert rules). */
    private UUID newBusiness() {
        UUID tenant = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into tenants (id, name, slug, currency, locale, timezone, created_at, updated_at)
                values (?, 'Quincaillerie', ?, 'EUR', 'fr', 'Europe/Paris', ?, ?)""",
                tenant, "quincaillerie-" + tenant, now, now);
        runInTenant(tenant, locations::defaultLocation);
        return tenant;
    }

    /** A variant out of stock at the default location, with its OUT_OF_STOCK alert raised by the detector. */
    private void runOut(UUID tenant, UUID variant) {
        runInTenant(tenant, () -> {
            UUID shop = locations.defaultLocation().id();
            detector.levelChanged(tenant, variant, shop, levels.add(tenant, variant, shop, 0), false);
        });
        assertThat(openAlerts(tenant, variant)).isOne();
    }

    private int openAlerts(UUID tenant, UUID variant) {
        return inTenant(tenant, () -> jdbc.queryForObject("""
                select count(*) from stock_alerts where tenant_id = ? and variant_id = ? and resolved_at is null""",
                Integer.class, tenant, variant));
    }

    private int publications(UUID tenant) {
        Integer count = jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                Integer.class, "%" + tenant + "%");
        return count == null ? 0 : count;
    }

    private <T> T inTenant(UUID tenant, java.util.function.Supplier<T> work) {
        return tenantContext.callAs(tenant, () -> new TransactionTemplate(txManager).execute(status -> work.get()));
    }

    private void runInTenant(UUID tenant, Runnable work) {
        inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }
}
