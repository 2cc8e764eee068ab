package app.comptoir.platform.limits;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import app.comptoir.platform.SharedCounters;

/**
 * Counters in Redis ({@code comptoir.redis.url} set): a hit is one round trip, a script that increments the key and
 * gives it its window's expiry at the first hit (Redis runs a script alone, so two nodes hitting one key count two
 * and the window starts once). Keys are prefixed {@value #PREFIX}.
 *
 * <p>Fail-open: while Redis cannot be reached, or answers later than {@link RedisLink#TIMEOUT}, a hit is counted
 * as none (every request goes through) and a warning is logged; a throttle should not take the shop down with it.
 */
final class RedisCounters implements SharedCounters {

    static final String PREFIX = "comptoir:limit:";

    private static final String SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local t = redis.call('PTTL', KEYS[1])
            if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end
            return {n, t}""";

    private final RedisLink redis;
    private volatile String sha;

    RedisCounters(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Count hit(String key, Duration window) {
        StatefulRedisConnection<String, String> connection = redis.connection();
        if (connection == null) {
            return new Count(0, window);
        }
        try {
            RedisCommands<String, String> commands = connection.sync();
            String[] keys = {PREFIX + CounterKeys.bounded(key)};
            String millis = Long.toString(Math.max(1, window.toMillis()));
            List<Long> answer;
            try {
                String script = sha == null ? (sha = commands.scriptLoad(SCRIPT)) : sha;
                answer = commands.evalsha(script, ScriptOutputType.MULTI, keys, millis);
            } catch (RedisNoScriptException e) {
                // the server restarted (or was flushed) since the script was loaded
                sha = commands.scriptLoad(SCRIPT);
                answer = commands.evalsha(sha, ScriptOutputType.MULTI, keys, millis);
            }
            return new Count(answer.get(0), Duration.ofMillis(Math.max(0, answer.get(1))));
        } catch (RuntimeException e) {
            redis.failed("counting " + key, e);
            return new Count(0, window);
        }
    }
}
