package app.comptoir.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business counters of the metrics endpoint (Prometheus: {@code comptoir_<name>_total}), counted when the
 * transaction that did the work commits: an order or a movement rolled back is not counted. Tag values must
 * be small fixed sets (a source, a type, an outcome), never a business or a record id: each value is one time
 * series kept by the monitoring system for every node. A name must not end in {@code created}, {@code count},
 * {@code sum}, {@code bucket}, {@code info} or {@code total}: Prometheus reserves those suffixes and drops them.
 */
@Component
public class BusinessMetrics {

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Adds one to the counter {@code name} with the given tags (key, value, key, value...), after the commit of
     * the current transaction, or at once outside any.
     */
    public void count(String name, String description, String... tags) {
        Counter counter = Counter.builder(name).description(description).tags(tags).register(registry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
