package app.comptoir.support;

import java.util.Map;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import app.comptoir.ComptoirApplication;
import app.comptoir.channels.FakeVinted;
import app.comptoir.platform.ComptoirProperties;

/**
 * A second application node, started in the test's JVM beside the shared integration context, on the same database
 * (as an external one, with the same role and the same data directory's keys), with its own connection pool and its
 * own beans: what holds across nodes through the database is tested against it. It loads no demo data, runs no
 * scheduled task (its scheduler is off; a client writes the tasks it schedules for the first node to run) and does not take over the first node's outstanding event publications. Close it at the end of the test.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node over the database and data directory of {@code first}. */
    public static SecondNode beside(ApplicationContext first) throws java.sql.SQLException {
        return beside(first, Map.of());
    }

    /** Starts a node over the database and data directory of {@code first}, with settings of its own on top. */
    public static SecondNode beside(ApplicationContext first, Map<String, Object> own) throws java.sql.SQLException {
        HikariDataSource db = first.getBean(DataSource.class).unwrap(HikariDataSource.class);
        ComptoirProperties properties = first.getBean(ComptoirProperties.class);
        // First in the environment: application.yml's own defaults (an embedded database in ./data) would win over
        // SpringApplicationBuilder's default properties.
        Map<String, Object> settings = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("comptoir.db.url", db.getJdbcUrl()),
                Map.entry("comptoir.db.user", db.getUsername()),
                Map.entry("comptoir.db.password", db.getPassword()),
                Map.entry("comptoir.db.pool-size", "4"),
                Map.entry("comptoir.data-dir", properties.dataDir().toString()),
                Map.entry("comptoir.demo.enabled", "false"),
                Map.entry("server.port", "0"),
                Map.entry("logging.file.name", ""),
                Map.entry("db-scheduler.enabled", "false"),
                Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "false"),
                Map.entry("comptoir.assistant.embeddings.backfill-on-start", "false")));
        settings.putAll(own);
        // A test may turn its scheduler on (db-scheduler.enabled=true), to see both nodes compete for the same tasks.
        boolean schedulerOff = !"true".equals(String.valueOf(settings.get("db-scheduler.enabled")));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ComptoirApplication.class)
                .initializers(node -> node.getEnvironment().getPropertySources()
                                .addFirst(new MapPropertySource("second-node", settings)),
                        new FakeVinted.Initializer(), node -> {
                            if (schedulerOff) {
                                // its scheduler is off: only a client, to schedule tasks the first node runs
                                ((GenericApplicationContext) node).registerBean(SchedulerClient.class,
                                        () -> SchedulerClient.Builder.create(node.getBean(DataSource.class)).build());
                            }
                        })
                .run();
        return new SecondNode(context);
    }

    /** The port this node's server listens on. */
    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
