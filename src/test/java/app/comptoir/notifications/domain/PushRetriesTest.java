package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a push is tried again. */
class PushRetriesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant FAR = NOW.plus(Duration.ofDays(2));

    @Test
    void theWaitDoublesFromThirtySecondsUpToAnHour() {
        assertThat(PushRetries.next(1, NOW, null, FAR)).contains(NOW.plusSeconds(30));
        assertThat(PushRetries.next(2, NOW, null, FAR)).contains(NOW.plusSeconds(60));
        assertThat(PushRetries.next(3, NOW, null, FAR)).contains(NOW.plusSeconds(120));
        assertThat(PushRetries.next(9, NOW, null, FAR)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void retryAfterIsHonouredInSecondsOrAsADate() {
        assertThat(PushRetries.next(1, NOW, PushRetries.retryAfter("7", NOW), FAR)).contains(NOW.plusSeconds(7));
        assertThat(PushRetries.retryAfter("Sat, 05 Dec 2026 10:02:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(PushRetries.retryAfter("soon", NOW)).isNull();
        assertThat(PushRetries.retryAfter(null, NOW)).isNull();
    }

    @Test
    void itGivesUpAfterTheLastAttemptOrWhenTheNoticeWouldHaveExpired() {
        assertThat(PushRetries.next(PushRetries.MAX_ATTEMPTS, NOW, null, FAR)).isEmpty();
        assertThat(PushRetries.next(1, NOW, Duration.ofHours(2), NOW.plus(Duration.ofHours(1)))).isEmpty();
    }
}
