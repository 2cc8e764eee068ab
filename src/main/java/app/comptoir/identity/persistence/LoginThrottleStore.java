package app.comptoir.identity.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The login throttle's rows (table {@code login_throttle}, shared by every node). Concurrency: every
 * change is one atomic statement on one row (an upsert, or an update whose new value is computed from
 * the row's own columns), so two nodes counting the same key at once both count; nothing is read and
 * then written back.
 */
@Repository
public class LoginThrottleStore {

    /** What the throttle knows of a key: the pair's block, the rate limit's theoretical arrival time. */
    public record Row(Instant blockedUntil, Instant tat) {
    }

    private final JdbcClient jdbc;

    public LoginThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one token from a rate limit of {@code emission}-spaced tokens with a burst of {@code window}
     * (GCRA, the same as a greedily refilled bucket): the empty optional when it is taken, else how
     * long until one is free.
     */
    public Optional<Duration> take(String key, Instant now, Duration emission, Duration window) {
        boolean taken = !jdbc.sql("""
                insert into login_throttle as t (key, tat, expires_at)
                values (:key, :now + :emission * interval '1 microsecond', :now + :emission * interval '1 microsecond')
                on conflict (key) do update
                   set tat = greatest(t.tat, :now) + :emission * interval '1 microsecond',
                       expires_at = greatest(t.tat, :now) + :emission * interval '1 microsecond'
                 where greatest(t.tat, :now) + :emission * interval '1 microsecond'
                       <= :now + :window * interval '1 microsecond'
                returning key""")
                .param("key", key).param("now", at(now))
                .param("emission", micros(emission)).param("window", micros(window))
                .query(String.class).list().isEmpty();
        if (taken) {
            return Optional.empty();
        }
        Instant tat = rows(key, key).get(key).tat();
        return Optional.of(Duration.between(now, tat.plus(emission).minus(window)));
    }

    /** Takes one token like {@link #take} but always: once empty the limit stays empty, it does not go below. */
    public void spend(String key, Instant now, Duration emission, Duration window) {
        jdbc.sql("""
                insert into login_throttle as t (key, tat, expires_at)
                values (:key, :now + :emission * interval '1 microsecond', :now + :emission * interval '1 microsecond')
                on conflict (key) do update
                   set tat = least(greatest(t.tat, :now) + :emission * interval '1 microsecond',
                                   :now + :window * interval '1 microsecond'),
                       expires_at = least(greatest(t.tat, :now) + :emission * interval '1 microsecond',
                                          :now + :window * interval '1 microsecond')""")
                .param("key", key).param("now", at(now))
                .param("emission", micros(emission)).param("window", micros(window))
                .update();
    }

    /** Counts one more failure for the key, forgotten {@code memory} after the last one; returns the count. */
    public int fail(String key, Instant now, Duration memory) {
        return jdbc.sql("""
                insert into login_throttle as t (key, failures, expires_at)
                values (:key, 1, :until)
                on conflict (key) do update
                   set failures = case when t.expires_at <= :now then 1 else t.failures + 1 end,
                       blocked_until = case when t.expires_at <= :now then null else t.blocked_until end,
                       expires_at = greatest(:until, t.blocked_until)
                returning failures""")
                .param("key", key).param("now", at(now)).param("until", at(now.plus(memory)))
                .query(Integer.class).single();
    }

    /** Refuses attempts on the key until {@code until} (never shortens an earlier, longer block). */
    public void block(String key, Instant until) {
        jdbc.sql("""
                update login_throttle
                   set blocked_until = greatest(blocked_until, :until), expires_at = greatest(expires_at, :until)
                 where key = :key""")
                .param("key", key).param("until", at(until))
                .update();
    }

    /** The rows of the keys that exist (one statement). */
    public Map<String, Row> rows(String first, String second) {
        return jdbc.sql("select key, blocked_until, tat from login_throttle where key in (:first, :second)")
                .param("first", first).param("second", second)
                .query((rs, n) -> Map.entry(rs.getString(1), new Row(instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Forgets the key. */
    public void forget(String key) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", key).update();
    }

    /** Deletes the rows that no longer mean anything; returns how many. */
    public int deleteExpired(Instant now) {
        return jdbc.sql("delete from login_throttle where expires_at <= :now").param("now", at(now)).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
