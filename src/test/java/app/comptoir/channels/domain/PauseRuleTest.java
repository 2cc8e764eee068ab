package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PauseRuleTest {

    @Test
    void aTooManyRequestsAnswerPausesFifteenMinutesThenDoubles() {
        assertThat(PauseRule.pause(PauseRule.Cause.RATE_LIMITED, 0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(PauseRule.pause(PauseRule.Cause.RATE_LIMITED, 1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(PauseRule.pause(PauseRule.Cause.RATE_LIMITED, 2)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aChallengePausesThirtyMinutesThenSixtyAndNeverMoreThanSixHours() {
        assertThat(PauseRule.pause(PauseRule.Cause.CHALLENGED, 0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(PauseRule.pause(PauseRule.Cause.CHALLENGED, 1)).isEqualTo(Duration.ofMinutes(60));
        assertThat(PauseRule.pause(PauseRule.Cause.CHALLENGED, 4)).isEqualTo(Duration.ofHours(6));
        assertThat(PauseRule.pause(PauseRule.Cause.CHALLENGED, 40)).isEqualTo(Duration.ofHours(6));
    }
}
