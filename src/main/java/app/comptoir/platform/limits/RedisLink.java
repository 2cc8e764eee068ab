package app.comptoir.platform.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to the Redis of {@code comptoir.redis.url}, made only when that is set and first needed. A command
 * waits at most {@link #TIMEOUT}; while Redis cannot be reached, a new connection is tried at most every
 * {@link #RETRY_EVERY} (not on every request), and what failed is logged as a warning at most once a minute. A
 * connection made once and then lost (Redis restarted) is made again by the client itself, within
 * {@link #RETRY_EVERY} of Redis being back; meanwhile its commands fail at once.
 */
final class RedisLink implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration RETRY_EVERY = Duration.ofSeconds(5);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final Clock clock;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile long nextTry;
    private volatile long nextWarning;

    RedisLink(String url, Clock clock) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        // A connection lost is made again by the client in the background (the subscriber subscribes again):
        // every 5 s at most (lettuce's default backs off to 30 s), so a restarted Redis counts again soon.
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RETRY_EVERY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                // a command issued while disconnected fails at once instead of waiting in a queue
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.clock = clock;
    }

    /** The connection, or null while Redis cannot be reached (then the caller falls back, having been told why). */
    StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null && clock.millis() >= nextTry) {
                try {
                    connection = client.connect();
                } catch (RuntimeException e) {
                    nextTry = clock.millis() + RETRY_EVERY.toMillis();
                    failed("connect", e);
                }
            }
            return connection;
        }
    }

    /** A new connection for a subscriber, or an exception when Redis cannot be reached. */
    io.lettuce.core.pubsub.StatefulRedisPubSubConnection<String, String> subscriber() {
        return client.connectPubSub();
    }

    /** Logs what failed as a warning, at most once a minute (the rest at debug level). */
    void failed(String what, RuntimeException e) {
        long now = clock.millis();
        if (now >= nextWarning) {
            nextWarning = now + WARN_EVERY.toMillis();
            log.warn("Redis unreachable ({}: {}); throttles and rate caps let requests through, and cache evictions "
                            + "wait for each cache's own window, until it is back",
                    what, e.toString());
        } else {
            log.debug("Redis unreachable ({})", what, e);
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
