package app.comptoir.platform.db;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is final (the context is
 * prepared, its initializers applied: tests set the data directory there) and before the context is refreshed:
 * the server's start (a process forked, its recovery, ≈ 1 s) then runs on the second core while the JVM
 * creates the context's beans, instead of in the middle of them. The
 * {@code embeddedPostgres} bean takes the running server ({@link #take}); when the bean's configuration
 * differs from what was guessed here (or the early start failed) the bean starts its own, as it always did.
 *
 * <p>Registered in {@code META-INF/spring.factories}; does nothing when an external database is configured.
 * A server started here that no context takes (a context that failed before its data source) is stopped
 * when the JVM exits.
 */
public class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);

    /** The one early start of this JVM (a JVM runs one application; tests start more contexts, later). */
    private static final AtomicReference<Early> EARLY = new AtomicReference<>();

    private record Early(Path dataDir, int port, boolean durable, CompletableFuture<EmbeddedPostgres> server) {
    }

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        Binder binder = Binder.get(environment);
        String url = binder.bind("comptoir.db.url", String.class).orElse("");
        if (!url.isBlank() || EARLY.get() != null) {
            return;
        }
        Path dataDir = Path.of(binder.bind("comptoir.data-dir", String.class).orElse("./data"))
                .toAbsolutePath().normalize();
        int port = binder.bind("comptoir.db.embedded-port", Integer.class).orElse(0);
        boolean durable = EmbeddedPostgresConfiguration.durable(environment);
        CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
        if (!EARLY.compareAndSet(null, new Early(dataDir, port, durable, server))) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                server.complete(EmbeddedPostgresConfiguration.start(dataDir, port, durable));
            } catch (Throwable e) {
                server.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        Runtime.getRuntime().addShutdownHook(new Thread(EarlyEmbeddedPostgres::stopUntaken, "embedded-postgres-untaken"));
    }

    /**
     * The server started early for this data directory, port and durability, waiting for its start to end;
     * null when there is none (or it failed: the caller starts one and reports the error).
     */
    static EmbeddedPostgres take(Path dataDir, int port, boolean durable) {
        Early early = EARLY.get();
        if (early == null || early.server().isDone() && early.server().isCompletedExceptionally()) {
            return null;
        }
        if (!early.dataDir().equals(dataDir) || early.port() != port || early.durable() != durable) {
            return null;
        }
        if (!EARLY.compareAndSet(early, null)) {
            return null;
        }
        try {
            return early.server().join();
        } catch (CompletionException e) {
            log.warn("The early start of the embedded PostgreSQL failed; starting it again: {}", e.getCause().toString());
            return null;
        }
    }

    private static void stopUntaken() {
        Early early = EARLY.getAndSet(null);
        if (early != null) {
            early.server().thenAccept(server -> {
                try {
                    server.close();
                } catch (Exception e) {
                    // the JVM is exiting: nothing more to do
                }
            }).join();
        }
    }
}
