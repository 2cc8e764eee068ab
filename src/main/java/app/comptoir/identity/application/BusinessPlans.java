package app.comptoir.identity.application;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.domain.Plan;
import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.NodeMemory;

/**
 * A business's plan, asked before every user, product and order is added: remembered a few seconds per business, so
 * that an order costs no statement more on the unlimited plan. A change of plan applies at once on this node, on the
 * others a moment after the commit ({@link CacheEvictions}), or within the window if that notice was lost.
 */
@Component
public class BusinessPlans {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String NAME = "business-plan";

    private final OperatorStore store;
    private final TransactionTemplate readOnly;
    private final CacheEvictions evictions;
    private final Cache<UUID, Plan> plans = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(50_000).build();

    BusinessPlans(OperatorStore store, PlatformTransactionManager txManager, CacheEvictions evictions) {
        this.store = store;
        this.evictions = evictions;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
        evictions.onForget(NAME, key -> plans.invalidate(UUID.fromString(key)), plans::invalidateAll);
    }

    /** The business's plan (the unlimited one for an unknown business). */
    public Plan of(UUID tenantId) {
        return NodeMemory.get(plans, tenantId, id -> readOnly.execute(
                status -> store.plan(id).map(Plan::valueOf).orElse(Plan.ILLIMITE)));
    }

    /** Forgets the business's plan, here at once and after the commit, and on the other nodes. */
    void forget(UUID tenantId) {
        plans.invalidate(tenantId);
        evictions.forget(NAME, tenantId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    plans.invalidate(tenantId);
                }
            });
        }
    }
}
