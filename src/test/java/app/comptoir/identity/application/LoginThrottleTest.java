package app.comptoir.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.support.MovableClock;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));

    /** 3 failures per account per 15 minutes, 4 attempts per address per minute. */
    private final LoginThrottle throttle = new LoginThrottle(new ComptoirProperties(Path.of("target"),
            new ComptoirProperties.Db(null, null, null, 0, 0),
            new ComptoirProperties.Security(null, Duration.ofMinutes(15), Duration.ofDays(30), List.of(),
                    new ComptoirProperties.Login(3, Duration.ofMinutes(15), 4, Duration.ofMinutes(1))),
            new ComptoirProperties.Demo(null, "demo")), clock);

    @Test
    void anAddressIsRefusedAfterTooManyAttemptsWhateverTheAccounts() {
        for (int i = 0; i < 4; i++) {
            throttle.checkAttempt("user" + i + "@example.test", "203.0.113.7");
        }

        assertThatThrownBy(() -> throttle.checkAttempt("someone-else@example.test", "203.0.113.7"))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.type()).isEqualTo("too-many-requests");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 60L);
                });
    }

    @Test
    void otherAddressesAreNotSlowedDownByABusyOne() {
        for (int i = 0; i < 4; i++) {
            throttle.checkAttempt("user@example.test", "203.0.113.7");
        }

        assertThatCode(() -> throttle.checkAttempt("user@example.test", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void anAddressMayTryAgainOnceItsWindowHasRefilled() {
        for (int i = 0; i < 4; i++) {
            throttle.checkAttempt("user@example.test", "203.0.113.7");
        }
        assertThatThrownBy(() -> throttle.checkAttempt("user@example.test", "203.0.113.7"))
                .isInstanceOf(TooManyRequestsException.class);

        clock.advance(Duration.ofSeconds(16));

        assertThatCode(() -> throttle.checkAttempt("user@example.test", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void anAccountIsLockedAfterTooManyFailuresFromAnyAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.checkAttempt("victim@example.test", "203.0.113." + i);
            throttle.failed("victim@example.test");
        }

        assertThatThrownBy(() -> throttle.checkAttempt("victim@example.test", "198.51.100.99"))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 15 * 60L));
        assertThatCode(() -> throttle.checkAttempt("bystander@example.test", "198.51.100.99"))
                .doesNotThrowAnyException();
    }

    @Test
    void failuresCountForTheAccountWhateverTheCaseOrSpacesOfTheEmail() {
        throttle.failed("Victim@Example.test");
        throttle.failed(" victim@example.TEST ");
        throttle.failed("VICTIM@EXAMPLE.TEST");

        assertThatThrownBy(() -> throttle.checkAttempt("victim@example.test", "198.51.100.1"))
                .isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        throttle.failed("user@example.test");
        throttle.failed("user@example.test");
        throttle.succeeded("user@example.test");
        throttle.failed("user@example.test");
        throttle.failed("user@example.test");

        assertThatCode(() -> throttle.checkAttempt("user@example.test", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void aLockedAccountMayTryAgainAsTheWindowRefills() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("user@example.test");
        }
        long retryAfter = retryAfterSeconds("user@example.test");

        clock.advance(Duration.ofSeconds(retryAfter - 2));
        assertThatThrownBy(() -> throttle.checkAttempt("user@example.test", "198.51.100.1"))
                .isInstanceOf(TooManyRequestsException.class);

        clock.advance(Duration.ofSeconds(2));
        assertThatCode(() -> throttle.checkAttempt("user@example.test", "198.51.100.2")).doesNotThrowAnyException();
    }

    private long retryAfterSeconds(String email) {
        try {
            throttle.checkAttempt(email, "192.0.2.1");
        } catch (TooManyRequestsException e) {
            return e.retryAfterSeconds();
        }
        throw new AssertionError("the account should be locked");
    }
}
