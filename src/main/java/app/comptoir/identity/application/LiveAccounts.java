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

import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.NodeMemory;
import app.comptoir.platform.TenantContext;

/**
 * Looks accounts up by primary key, remembering the answer for a few seconds so a busy client costs
 * one query per user per window. Changes made on this node evict at once; other nodes of a cluster
 * a moment after the commit ({@link CacheEvictions}), or within the window if that notice was lost.
 */
@Component
class LiveAccounts implements AccountStatus {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 50_000;
    private static final String ACCOUNTS = "account";

    private final UserAccountRepository users;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Cache<UUID, Optional<ComptoirPrincipal>> known =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(MAX_ENTRIES).build();

    private final CacheEvictions evictions;
    private final Suspensions suspensions;

    LiveAccounts(UserAccountRepository users, TenantContext tenantContext, PlatformTransactionManager txManager,
                 CacheEvictions evictions, Suspensions suspensions) {
        this.evictions = evictions;
        this.suspensions = suspensions;
        evictions.onForget(ACCOUNTS, id -> known.invalidate(UUID.fromString(id)), known::invalidateAll);
        this.users = users;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setReadOnly(true);
    }

    @Override
    public Optional<ComptoirPrincipal> current(ComptoirPrincipal principal) {
        return NodeMemory.get(known, principal.userId(), id -> tenantContext.callAs(principal.tenantId(), () -> tx.execute(status ->
                users.findLive(principal.tenantId(), principal.userId())
                        .filter(u -> u.isEnabled())
                        .map(Logins::principalOf))));
    }

    @Override
    public boolean businessSuspended(UUID tenantId) {
        return suspensions.reason(tenantId).isPresent();
    }

    /** Forgets the user now and again after the current transaction commits (so no stale answer is re-cached). */
    @Override
    public void evict(UUID userId) {
        known.invalidate(userId);
        evictions.forget(ACCOUNTS, userId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.invalidate(userId);
                }
            });
        }
    }
}
