package app.comptoir.platform.limits;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.SharedCounters;

/**
 * Chooses where throttles and rate caps count: Redis when {@code comptoir.redis.url} is set (its link is made only
 * then: without the URL nothing of Redis starts, connects or reports health; cache evictions then travel on Redis
 * too); otherwise
 * {@code comptoir.limits.store}: {@code database} (the default, shared by every node on the database) or
 * {@code memory} (this node only, no round trip: for a single node).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    /** The task's name in {@code scheduled_tasks}. */
    static final String CLEANUP_TASK = "platform-shared-counter-cleanup";

    private static final Logger log = LoggerFactory.getLogger(LimitsConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    RedisLink redisLink(@Value("${comptoir.redis.url}") String url, Clock clock) {
        return new RedisLink(url, clock);
    }

    /** Cache evictions on Redis pub/sub instead of PostgreSQL; closed before the link (it depends on it). */
    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    RedisCacheEvictions redisCacheEvictions(RedisLink redis, CacheEvictions evictions) {
        return new RedisCacheEvictions(redis, evictions);
    }

    @Bean
    SharedCounters sharedCounters(ObjectProvider<RedisLink> redis, JdbcClient jdbc, Clock clock,
                                  @Value("${comptoir.limits.store:database}") String store) {
        RedisLink link = redis.getIfAvailable();
        if (link != null) {
            log.info("Throttles and rate caps count in Redis");
            return new RedisCounters(link);
        }
        return switch (store.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "memory" -> new MemoryCounters(clock);
            case "database", "" -> new DatabaseCounters(jdbc);
            default -> throw new IllegalStateException(
                    "comptoir.limits.store must be database or memory (Redis: set comptoir.redis.url), not " + store);
        };
    }

    /**
     * Deletes the counters whose window has ended every ten minutes, as a db-scheduler task (one node runs each
     * execution). Whatever the store: with Redis or memory the table is simply empty.
     */
    @Bean
    RecurringTask<Void> sharedCounterCleanupTask(JdbcClient jdbc) {
        DatabaseCounters table = new DatabaseCounters(jdbc);
        return Tasks.recurring(CLEANUP_TASK, Schedules.fixedDelay(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    int deleted = table.deleteExpired();
                    if (deleted > 0) {
                        log.debug("Deleted {} ended shared counters", deleted);
                    }
                });
    }

    /** True when {@code comptoir.redis.url} has a value. */
    static final class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("comptoir.redis.url"));
        }
    }
}
