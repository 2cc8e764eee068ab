package app.comptoir.platform.db;

import java.util.concurrent.Semaphore;

import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirProperties;

/**
 * Background work takes a bounded share of the database connections. The asynchronous event listeners (Spring
 * Modulith's {@code @ApplicationModuleListener}: e-mails, notices, invoices, webhooks…) run on virtual threads without
 * limit, each taking connections for its own transactions and for the event publication registry. Under a burst of
 * orders (16 checkouts at once in {@code bench/CheckoutBench.java}) they were 85 threads waiting for the 8 connections
 * and the customers' requests, behind them, waited the pool's whole 30 s and failed. Spring Boot applies this
 * decorator to its task executor: at most a quarter of the pool (at least 2) runs background work at once; the other
 * tasks wait their turn on their virtual thread (first come, first served) holding no connection, and the requests
 * keep the rest of the pool.
 *
 * <p>Background transactions also commit without waiting for the disk ({@link #running()}, read by
 * {@link TenantAwareTransactionManager}): what they write is either the outcome of an event whose publication stays
 * incomplete until their transaction has committed (a crash that loses their commit loses the completion after it, as
 * the log is written in order, and the event is delivered again) or a derived record. Measured with
 * {@code bench/CheckoutBench.java}: the listeners' commits were two WAL flushes per order out of three, and the disk's
 * flushes were the checkout's ceiling.
 */
@Component
class BackgroundWorkLimit implements TaskDecorator {

    private static final ThreadLocal<Boolean> BACKGROUND = new ThreadLocal<>();

    private final Semaphore running;

    BackgroundWorkLimit(ComptoirProperties properties) {
        this.running = new Semaphore(Math.max(2, properties.db().connections() / 4), true);
    }

    @Override
    public Runnable decorate(Runnable task) {
        return () -> {
            running.acquireUninterruptibly();
            BACKGROUND.set(Boolean.TRUE);
            try {
                task.run();
            } finally {
                BACKGROUND.remove();
                running.release();
            }
        };
    }

    /** Whether the current thread runs background work (an asynchronous event listener) under this limit. */
    static boolean running() {
        return BACKGROUND.get() != null;
    }

}
