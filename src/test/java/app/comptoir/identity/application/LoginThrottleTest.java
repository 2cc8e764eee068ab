package app.comptoir.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirProperties;

/** The throttle's delay schedule; the counting itself is in the database ({@code LoginThrottleDatabaseIT}). */
class LoginThrottleTest {

    /** Delays start at the 5th failure in a row, as with the default settings. */
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottleTest.limits(5, 30), null, Clock.systemUTC(),
            Duration.ofSeconds(1), Duration.ofMinutes(15), 100, 3, Duration.ofMinutes(15));

    static ComptoirProperties limits(int failuresBeforeDelays, int attemptsPerMinute) {
        return new ComptoirProperties(Path.of("target"),
                new ComptoirProperties.Db(null, null, null, 0, 0),
                new ComptoirProperties.Security(null, Duration.ofMinutes(15), Duration.ofDays(30), List.of(),
                        new ComptoirProperties.Login(failuresBeforeDelays, Duration.ofMinutes(15), attemptsPerMinute,
                                Duration.ofMinutes(1))),
                new ComptoirProperties.Demo(null, "demo"));
    }

    @Test
    void theFirstFourFailuresInARowCostNothing() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(throttle.delayAfter(failures)).isZero();
        }
    }

    @Test
    void fromTheFifthFailureThePairWaitsOneSecondThenTwiceAsLongEachTime() {
        assertThat(throttle.delayAfter(5)).hasSeconds(1);
        assertThat(throttle.delayAfter(6)).hasSeconds(2);
        assertThat(throttle.delayAfter(7)).hasSeconds(4);
        assertThat(throttle.delayAfter(8)).hasSeconds(8);
    }

    @Test
    void theDelayNeverExceedsTheCap() {
        assertThat(throttle.delayAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anEmailCountsWhateverItsCaseOrSpaces() {
        assertThat(LoginThrottle.email(" Victim@Example.TEST ")).isEqualTo("victim@example.test");
        assertThat(LoginThrottle.email(null)).isEmpty();
    }

    @Test
    void aHugeEmailOrAddressBecomesAShortKeyThatStillCounts() {
        String huge = "a".repeat(1_000_000) + "@example.test";

        assertThat(LoginThrottle.email(huge)).startsWith("sha256:").hasSizeLessThanOrEqualTo(LoginThrottle.MAX_KEY_PART)
                .isEqualTo(LoginThrottle.email(huge.toUpperCase()));
        assertThat(LoginThrottle.email("b" + huge)).isNotEqualTo(LoginThrottle.email(huge));
        assertThat(LoginThrottle.bounded("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
