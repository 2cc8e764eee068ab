package app.comptoir.platform.limits;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.platform.SharedCounters;

/**
 * Counters in PostgreSQL (table {@code shared_counter}), the default: every node on the database counts the same
 * rows. A hit is one statement (an upsert that starts a new window or adds one, returning the count), outside any
 * transaction, on the database's own clock so that nodes whose clocks differ agree on when a window ends.
 * Concurrency: the upsert locks the key's row, so two nodes hitting one key at once count two. Expired rows are
 * deleted by {@link SharedCounterCleanup}; until then they are only restarted.
 *
 * <p>Outside a transaction the hit commits without waiting for the disk ({@code synchronous_commit} off for that
 * statement's own transaction): a count lost by a crash of the database costs nothing, a wait for the disk on every
 * API request does (two per staff request, one per checkout).
 */
final class DatabaseCounters implements SharedCounters {

    private final JdbcClient jdbc;

    DatabaseCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count hit(String key, Duration window) {
        // Inside a caller's transaction the setting would last until that transaction's commit: leave it alone there.
        String values = TransactionSynchronizationManager.isActualTransactionActive()
                ? " values (:key, 1, statement_timestamp() + :window * interval '1 millisecond')"
                : " select :key, 1, statement_timestamp() + :window * interval '1 millisecond'"
                        + " from (select set_config('synchronous_commit', 'off', true)) as no_wait";
        return jdbc.sql("insert into shared_counter as c (key, hits, resets_at)" + values + """

                on conflict (key) do update
                   set hits = case when c.resets_at <= statement_timestamp() then 1 else c.hits + 1 end,
                       resets_at = case when c.resets_at <= statement_timestamp()
                                        then statement_timestamp() + :window * interval '1 millisecond'
                                        else c.resets_at end
                returning hits, (extract(epoch from resets_at - statement_timestamp()) * 1000)::bigint""")
                .param("key", CounterKeys.bounded(key)).param("window", window.toMillis())
                .query((rs, n) -> new Count(rs.getLong(1), Duration.ofMillis(Math.max(0, rs.getLong(2)))))
                .single();
    }

    /** Deletes the rows whose window has ended; returns how many. */
    int deleteExpired() {
        return jdbc.sql("delete from shared_counter where resets_at <= statement_timestamp()").update();
    }
}
