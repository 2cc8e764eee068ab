package app.comptoir.platform.limits;

import java.util.function.Consumer;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.comptoir.platform.CacheEvictions;

/**
 * Cache evictions on the Redis pub/sub channel {@value CacheEvictions#CHANNEL} instead of PostgreSQL
 * {@code LISTEN/NOTIFY}, when Redis is configured. The subscriber has a connection of its own, made in the
 * background (retried every {@link RedisLink#RETRY_EVERY} while Redis cannot be reached); once made, the client
 * reconnects and subscribes again by itself, and each confirmed subscription makes the caches forget everything
 * (what was published meanwhile is lost, as with PostgreSQL).
 */
final class RedisCacheEvictions implements CacheEvictions.Transport, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisCacheEvictions.class);

    private final RedisLink redis;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean closed;
    private volatile Thread connecting;

    RedisCacheEvictions(RedisLink redis, CacheEvictions evictions) {
        this.redis = redis;
        evictions.carryThrough(this);
    }

    @Override
    public void publish(String payload) {
        var connection = redis.connection();
        if (connection == null) {
            throw new IllegalStateException("Redis unreachable");
        }
        connection.sync().publish(CacheEvictions.CHANNEL, payload);
    }

    @Override
    public void subscribe(Consumer<String> receiver, Runnable subscribed) {
        connecting = Thread.ofPlatform().daemon().name("cache-evictions-redis").start(() -> {
            while (!closed && subscriber == null) {
                try {
                    StatefulRedisPubSubConnection<String, String> connection = redis.subscriber();
                    connection.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channel, String message) {
                            receiver.accept(message);
                        }

                        @Override
                        public void subscribed(String channel, long count) {
                            subscribed.run();
                        }
                    });
                    connection.sync().subscribe(CacheEvictions.CHANNEL);
                    subscriber = connection;
                } catch (RuntimeException e) {
                    redis.failed("subscribing to cache evictions", e);
                    try {
                        Thread.sleep(RedisLink.RETRY_EVERY);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    @Override
    public boolean subscribed() {
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        return connection != null && connection.isOpen();
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = connecting;
        if (thread != null) {
            thread.interrupt();
        }
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                log.debug("Closing the cache evictions' subscription", e);
            }
        }
    }
}
