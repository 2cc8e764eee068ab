package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    void aCallerInsideATransactionNeverWaitsForAnotherCallersComputation() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (RefreshingCache<String, String> cache = new RefreshingCache<>("test", Duration.ofMinutes(1), 10, tenantContext)) {
            // The first computation (a caller outside any transaction) waits for the second caller, as a load waiting
            // for a pooled connection that the second caller holds in its transaction: were the second to wait for
            // the first's answer, neither would move.
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("k", tenant, () -> {
                try {
                    return secondDone.await(5, TimeUnit.SECONDS) ? "first" : "timed out";
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }), threads);
            Thread.sleep(100);
            String second = CompletableFuture.supplyAsync(() -> {
                TransactionSynchronizationManager.setActualTransactionActive(true);
                try {
                    return cache.get("k", tenant, () -> "second");
                } finally {
                    TransactionSynchronizationManager.setActualTransactionActive(false);
                }
            }, threads).get(2, TimeUnit.SECONDS);
            secondDone.countDown();

            assertThat(second).isEqualTo("second");
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            // Once computed, a caller inside a transaction takes the answer kept.
            TransactionSynchronizationManager.setActualTransactionActive(true);
            try {
                assertThat(cache.get("k", tenant, () -> "third")).isEqualTo("first");
            } finally {
                TransactionSynchronizationManager.setActualTransactionActive(false);
            }
        } finally {
            threads.shutdown();
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
