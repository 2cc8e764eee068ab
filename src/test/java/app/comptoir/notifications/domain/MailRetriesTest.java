package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MailRetriesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aFailedMailIsRetriedAfterOneFiveAndThirtyMinutesThenTwoAndSixHours() {
        MailRetries retries = MailRetries.DEFAULT;
        assertThat(retries.next(1, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(retries.next(2, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(retries.next(3, NOW)).contains(NOW.plus(Duration.ofMinutes(30)));
        assertThat(retries.next(4, NOW)).contains(NOW.plus(Duration.ofHours(2)));
        assertThat(retries.next(5, NOW)).contains(NOW.plus(Duration.ofHours(6)));
    }

    @Test
    void afterTheLastDelayAMailIsNotRetriedAnyMore() {
        assertThat(MailRetries.DEFAULT.next(6, NOW)).isEmpty();
        assertThat(new MailRetries(List.of()).next(1, NOW)).isEmpty();
    }

    @Test
    void aScheduleWithoutPositiveDelaysIsRefused() {
        assertThatThrownBy(() -> new MailRetries(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
