package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookBackoffTest {

    private static final Instant EVENT = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void failedAttemptsWaitLongerEachTimeUpToSixHours() {
        assertThat(WebhookBackoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(WebhookBackoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(WebhookBackoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(30));
        assertThat(WebhookBackoff.delayAfter(4)).isEqualTo(Duration.ofHours(2));
        assertThat(WebhookBackoff.delayAfter(5)).isEqualTo(Duration.ofHours(6));
        assertThat(WebhookBackoff.delayAfter(12)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void retriesStopOnceTheNextAttemptWouldFallPastTwentyFourHours() {
        Instant giveUp = EVENT.plus(WebhookBackoff.WINDOW);
        Instant at = EVENT;
        int attempts = 0;
        while (true) {
            attempts++;
            var next = WebhookBackoff.nextAttempt(attempts, at, giveUp);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        // 1 min, 5, 30, 2 h, then 6 h three times: 8 retries fit in the day, the 9th would not.
        assertThat(attempts).isEqualTo(8);
        assertThat(at).isBefore(giveUp);
    }
}
