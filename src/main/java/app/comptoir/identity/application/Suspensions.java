package app.comptoir.identity.application;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.NodeMemory;

/**
 * Whether a business is suspended, asked on every staff request and public page: remembered a few seconds per
 * business and address. A suspension or resumption on this node applies at once; on other nodes a moment after the
 * commit ({@link CacheEvictions}), or within the window if that notice was lost.
 */
@Component
public class Suspensions {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String NAME = "business-suspension";

    private final OperatorStore store;
    private final TransactionTemplate readOnly;
    private final CacheEvictions evictions;
    private final Cache<UUID, Optional<String>> byId =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(50_000).build();
    private final Cache<String, Boolean> bySlug =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(50_000).build();

    Suspensions(OperatorStore store, PlatformTransactionManager txManager, CacheEvictions evictions) {
        this.store = store;
        this.evictions = evictions;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
        evictions.onForget(NAME, id -> forgetHere(), this::forgetHere);
    }

    /** The reason a suspended business was suspended for; empty when it is open. */
    public Optional<String> reason(UUID tenantId) {
        return NodeMemory.get(byId, tenantId, id -> readOnly.execute(status -> store.suspension(id)));
    }

    /** Whether the business at this address is suspended (an unknown address is not). */
    public boolean suspendedSlug(String slug) {
        return NodeMemory.get(bySlug, slug, s -> readOnly.execute(status -> store.suspendedSlug(s)));
    }

    /** Refuses the work of a suspended business's staff with a 423 {@code business-suspended}. */
    public void requireOpen(UUID tenantId) {
        if (reason(tenantId).isPresent()) {
            throw new BusinessSuspendedException();
        }
    }

    /** Forgets every answer, here at once and after the commit, and on the other nodes. */
    void forget(UUID tenantId) {
        forgetHere();
        evictions.forget(NAME, tenantId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetHere();
                }
            });
        }
    }

    private void forgetHere() {
        byId.invalidateAll();
        bySlug.invalidateAll();
    }
}
