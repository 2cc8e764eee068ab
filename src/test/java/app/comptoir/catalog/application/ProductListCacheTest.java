package app.comptoir.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.ProductQuery;
import app.comptoir.platform.ChangeVersions;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

class ProductListCacheTest {

    private static final ProductQuery QUERY = ProductQuery.all(0, 20);
    private final UUID tenant = UUID.randomUUID();
    private final AtomicInteger builds = new AtomicInteger();

    private byte[] build() {
        return ("list " + builds.incrementAndGet()).getBytes();
    }

    @Test
    void aListIsBuiltOnceAndServedUntilTheTenantsCatalogChanges() {
        ProductListCache cache = new ProductListCache(Duration.ofMinutes(1), 100, new TenantContext(), new ChangeVersions(app.comptoir.platform.CacheEvictions.alone()));
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 1");
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 1");
        assertThat(new String(cache.get(UUID.randomUUID(), QUERY, this::build))).isEqualTo("list 2");
        cache.invalidate(tenant);
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 3");
    }

    @Test
    void anExpiredListIsServedWhileItIsRebuiltInTheBackground() {
        ProductListCache cache = new ProductListCache(Duration.ofNanos(1), 100, new TenantContext(), new ChangeVersions(app.comptoir.platform.CacheEvictions.alone()));
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 1");
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 1");
        await().atMost(Duration.ofSeconds(5)).until(() -> builds.get() >= 2);
        // Once rebuilt, the new list is served.
        await().atMost(Duration.ofSeconds(5)).until(() -> !new String(cache.get(tenant, QUERY, this::build)).equals("list 1"));
    }

    @Test
    void concurrentRequestsForAMissingListBuildItOnce() throws Exception {
        ProductListCache cache = new ProductListCache(Duration.ofMinutes(1), 100, new TenantContext(), new ChangeVersions(app.comptoir.platform.CacheEvictions.alone()));
        CountDownLatch release = new CountDownLatch(1);
        List<Future<byte[]>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.get(tenant, QUERY, () -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return build();
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<byte[]> answer : answers) {
                assertThat(new String(answer.get())).isEqualTo("list 1");
            }
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void errorsAreNotCached() {
        ProductListCache cache = new ProductListCache(Duration.ofMinutes(1), 100, new TenantContext(), new ChangeVersions(app.comptoir.platform.CacheEvictions.alone()));
        assertThatThrownBy(() -> cache.get(tenant, QUERY, () -> {
            throw InvalidInputException.field("sort", "nope");
        })).isInstanceOf(InvalidInputException.class);
        assertThat(new String(cache.get(tenant, QUERY, this::build))).isEqualTo("list 1");
    }

    @Test
    void aZeroTimeToLiveTurnsTheCacheOff() {
        ProductListCache cache = new ProductListCache(Duration.ZERO, 100, new TenantContext(), new ChangeVersions(app.comptoir.platform.CacheEvictions.alone()));
        cache.get(tenant, QUERY, this::build);
        cache.get(tenant, QUERY, this::build);
        assertThat(builds).hasValue(2);
    }
}
