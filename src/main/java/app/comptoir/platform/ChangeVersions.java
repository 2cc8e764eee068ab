package app.comptoir.platform;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-node counter of committed changes per tenant and kind of record (an audited entity type such as
 * {@code order}), for caches of figures computed from those records: a figure cached under one version is
 * stale as soon as the version moves. The counter moves once the changing transaction has committed, so
 * a reader that sees the new version also sees the new data. Changes committed by another node of a
 * cluster move the version here too, a moment after their commit ({@link CacheEvictions}); caches keyed on these
 * versions also expire after a short time, for a notification that was lost.
 */
@Component
public class ChangeVersions {

    private static final String CACHE = "versions";

    private record Key(UUID tenantId, String kind) {
    }

    private final Map<Key, Long> versions = new ConcurrentHashMap<>();
    private final CacheEvictions evictions;
    /** Added to every version: moves when notifications from other nodes may have been missed. */
    private final AtomicLong epoch = new AtomicLong();

    public ChangeVersions(CacheEvictions evictions) {
        this.evictions = evictions;
        evictions.onForget(CACHE, this::changedElsewhere, epoch::incrementAndGet);
    }

    /** The number of committed changes of that kind of record of the tenant seen by this node. */
    public long version(UUID tenantId, String kind) {
        return versions.getOrDefault(new Key(tenantId, kind), 0L) + epoch.get();
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
        evictions.forget(CACHE, tenantId + " " + kind);
    }

    private void changedElsewhere(String key) {
        int space = key.indexOf(' ');
        versions.merge(new Key(UUID.fromString(key.substring(0, space)), key.substring(space + 1)), 1L, Long::sum);
    }
}
