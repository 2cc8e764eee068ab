package app.comptoir.channels.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.channels.domain.PauseRule;
import app.comptoir.channels.domain.RateCap;
import app.comptoir.channels.persistence.AccountStore;

/**
 * The rate cap of each marketplace account, held in the database so that it holds across nodes. Before each
 * mutating request, {@link #take} locks the account's row ({@code select ... for update}), asks {@link RateCap}
 * with the writes of the rolling window, and records the granted write with the earliest time of the next one (a
 * random spacing) before it commits. Every writer of every node queues on that row lock, so two of them never both
 * see 39 writes and both send a 40th: at most the account's limit of writes lands in any window.
 */
@Component
public class WriteSlots {

    private final AccountStore accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChannelSettings settings;

    WriteSlots(AccountStore accounts, PlatformTransactionManager transactionManager, Clock clock,
               ChannelSettings settings) {
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /** One write of the account, now or when it may go ({@link RateCap.Wait}); the caller runs under the tenant. */
    public RateCap.Decision take(UUID tenant, UUID account, String what) {
        return transactions.execute(status -> {
            AccountStore.Stored stored = accounts.lock(tenant, account).orElseThrow();
            Instant now = clock.instant();
            RateCap cap = cap(stored);
            RateCap.Decision decision = cap.decide(now, accounts.writesSince(tenant, account, now.minus(cap.window())),
                    stored.nextWriteAt(), stored.pausedUntil());
            if (decision instanceof RateCap.Go) {
                accounts.recordWrite(tenant, account, now, what, now.plus(spacing()));
            }
            return decision;
        });
    }

    /** How the account's window stands now. */
    public RateCap.Usage usage(AccountStore.Stored account) {
        Instant now = clock.instant();
        RateCap cap = cap(account);
        return cap.usage(now, accounts.writesSince(account.tenantId(), account.id(), now.minus(cap.window())));
    }

    /** Pauses the account after a push-back of the marketplace; returns when it resumes. */
    public Instant pause(UUID tenant, UUID account, PauseRule.Cause cause, String message) {
        return transactions.execute(status -> {
            AccountStore.Stored stored = accounts.lock(tenant, account).orElseThrow();
            Instant now = clock.instant();
            Duration pause = PauseRule.pause(cause, stored.pauseCount());
            Instant until = now.plus(pause);
            accounts.pause(tenant, account, until, cause.name(), stored.pauseCount() + 1, message, now);
            return until;
        });
    }

    /** A write went through: an earlier pause is over. */
    public void wentThrough(UUID tenant, UUID account) {
        transactions.executeWithoutResult(status -> accounts.wentThrough(tenant, account, clock.instant()));
    }

    private static RateCap cap(AccountStore.Stored account) {
        return new RateCap(account.writeLimit(), Duration.ofMinutes(account.windowMinutes()));
    }

    private Duration spacing() {
        long min = settings.vinted().spacingMin().toMillis();
        long max = Math.max(min, settings.vinted().spacingMax().toMillis());
        return Duration.ofMillis(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
