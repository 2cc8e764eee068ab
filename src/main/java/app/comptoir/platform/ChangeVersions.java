package app.comptoir.platform;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-node counter of committed changes per tenant and kind of record (an audited entity type such as
 * {@code order}), for caches of figures computed from those records: a figure cached under one version is
 * stale as soon as the version moves. The counter moves once the changing transaction has committed, so
 * a reader that sees the new version also sees the new data. Changes committed by another node of a
 * cluster are not counted here: caches keyed on these versions also expire after a short time.
 */
@Component
public class ChangeVersions {

    private record Key(UUID tenantId, String kind) {
    }

    private final Map<Key, Long> versions = new ConcurrentHashMap<>();

    /** The number of committed changes of that kind of record of the tenant seen by this node. */
    public long version(UUID tenantId, String kind) {
        return versions.getOrDefault(new Key(tenantId, kind), 0L);
    }

    /** Counts a change of the tenant's records of that kind once the current transaction commits (at once without one). */
    public void changed(UUID tenantId, String kind) {
        Key key = new Key(tenantId, kind);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    versions.merge(key, 1L, Long::sum);
                }
            });
        } else {
            versions.merge(key, 1L, Long::sum);
        }
    }
}
