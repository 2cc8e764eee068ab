package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void everyIdIsAVersion7UuidOfTheRfcVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
    }

    @Test
    void theFirst48BitsAreTheCreationTimeInUnixMilliseconds() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void anIdCreatedLaterSortsAfterAnEarlierOneAsTextAndAsBytes() throws InterruptedException {
        UUID earlier = Ids.newId();
        Thread.sleep(2);
        UUID later = Ids.newId();

        // PostgreSQL compares uuid values byte by byte, which is the order of their text form
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void idsDoNotCollide() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.newId());
        }

        assertThat(ids).hasSize(100_000);
    }
}
