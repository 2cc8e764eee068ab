package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RefreshingCacheTest {

    private final TenantContext tenantContext = new TenantContext();
    private final UUID tenant = UUID.randomUUID();

    @Test
    void aBackgroundRefreshRunsAsTheKeysTenant() {
        AtomicReference<Optional<UUID>> refreshedAs = new AtomicReference<>();
        AtomicInteger builds = new AtomicInteger();
        try (RefreshingCache<String, Integer> cache = new RefreshingCache<>("test", Duration.ofNanos(1), 10, tenantContext)) {
            assertThat(cache.get("k", tenant, builds::incrementAndGet)).isEqualTo(1);

            assertThat(cache.get("k", tenant, () -> {
                refreshedAs.set(tenantContext.currentTenant());
                return builds.incrementAndGet();
            })).isEqualTo(1);

            await().atMost(Duration.ofSeconds(5)).until(() -> refreshedAs.get() != null);
            assertThat(refreshedAs.get()).contains(tenant);
        }
    }

    @Test
    void atMostTheGivenNumberOfAnswersIsKept() {
        AtomicInteger builds = new AtomicInteger();
        try (RefreshingCache<Integer, Integer> cache = new RefreshingCache<>("test", Duration.ofMinutes(1), 2, tenantContext)) {
            for (int round = 0; round < 20; round++) {
                for (int key = 0; key < 10; key++) {
                    cache.get(key, tenant, builds::incrementAndGet);
                }
            }
            // Ten keys through a cache of two: most reads are misses, computed again.
            assertThat(builds.get()).isGreaterThan(100);
        }
    }
}
