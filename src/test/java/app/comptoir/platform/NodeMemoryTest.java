package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.junit.jupiter.api.Test;

/** A per-node cache read from the database never makes one caller wait for another's load. */
class NodeMemoryTest {

    @Test
    void aCallerNeverWaitsForAnotherCallersLoadOfTheSameKey() throws Exception {
        Cache<String, String> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).build();
        CountDownLatch secondDone = new CountDownLatch(1);
        // The first load waits for the second caller, as a load waiting for a pooled connection that the second caller
        // holds: under Caffeine's own cache.get(key, loader) the second caller would wait for the first: a deadlock.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> NodeMemory.get(cache, "tenant", k -> {
            try {
                return secondDone.await(5, TimeUnit.SECONDS) ? "first" : "timed out";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }), threads);
        Thread.sleep(100);
        String second = CompletableFuture.supplyAsync(() -> NodeMemory.get(cache, "tenant", k -> "second"), threads)
                .get(2, TimeUnit.SECONDS);
        secondDone.countDown();

        assertThat(second).isEqualTo("second");
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        threads.shutdown();
    }

    @Test
    void aKnownAnswerIsNotLoadedAgainAndAMissingOneIsNotKept() {
        Cache<String, String> cache = Caffeine.newBuilder().build();
        AtomicInteger loads = new AtomicInteger();

        assertThat(NodeMemory.get(cache, "a", k -> "A" + loads.incrementAndGet())).isEqualTo("A1");
        assertThat(NodeMemory.get(cache, "a", k -> "A" + loads.incrementAndGet())).isEqualTo("A1");
        assertThat(NodeMemory.get(cache, "b", k -> null)).isNull();
        assertThat(cache.getIfPresent("b")).isNull();
        assertThat(loads).hasValue(1);
    }
}
