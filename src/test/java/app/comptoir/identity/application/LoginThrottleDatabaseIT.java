package app.comptoir.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.comptoir.identity.persistence.LoginThrottleStore;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.MovableClock;

/**
 * The throttle over the real database: delays start at the 3rd failure of a pair, 4 attempts per
 * address per minute, a ceiling of 12 failures per account per 15 minutes. Each test uses its own
 * e-mails and addresses, and a clock a day ahead (the cleanup job, on the real clock, leaves its rows).
 */
@IntegrationTest
class LoginThrottleDatabaseIT {

    private static final String OWNER_ADDRESS = "198.51.100.7";
    private static final String STRANGER_ADDRESS = "203.0.113.66";

    @Autowired
    LoginThrottleStore store;

    @Autowired
    JdbcClient jdbc;

    private final MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
    private final String victim = "victim-" + UUID.randomUUID() + "@example.test";
    private final String suffix = "-" + UUID.randomUUID();

    private LoginThrottle node() {
        return node(4);
    }

    private LoginThrottle node(int attemptsPerMinute) {
        return new LoginThrottle(LoginThrottleTest.limits(3, attemptsPerMinute), store, clock, Duration.ofSeconds(1),
                Duration.ofMinutes(15), 12, 3, Duration.ofMinutes(15));
    }

    private String address(String base) {
        return base + suffix;
    }

    @Test
    void aStrangersWrongPasswordsFromAnotherAddressDoNotLockTheOwnerOut() {
        LoginThrottle throttle = node();
        for (int i = 0; i < 8; i++) {
            clock.advance(Duration.ofMinutes(1)); // the stranger waits out their delays and their address limit
            throttle.checkAttempt(victim, address(STRANGER_ADDRESS));
            throttle.failed(victim, address(STRANGER_ADDRESS));
        }
        assertThatThrownBy(() -> throttle.checkAttempt(victim, address(STRANGER_ADDRESS)))
                .isInstanceOf(TooManyRequestsException.class);

        assertThatCode(() -> throttle.checkAttempt(victim, address(OWNER_ADDRESS))).doesNotThrowAnyException();
    }

    @Test
    void aPairWaitsOneSecondThenTwiceAsLongAfterEachFurtherFailure() {
        LoginThrottle throttle = node(100);
        String stranger = address(STRANGER_ADDRESS);
        throttle.failed(victim, stranger);
        throttle.failed(victim, stranger);
        assertThatCode(() -> throttle.checkAttempt(victim, stranger)).doesNotThrowAnyException();

        throttle.failed(victim, stranger);
        assertThat(retryAfter(throttle, victim, stranger)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        throttle.failed(victim, stranger);
        assertThat(retryAfter(throttle, victim, stranger)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        throttle.failed(victim, stranger);
        assertThat(retryAfter(throttle, victim, stranger)).isEqualTo(4);

        clock.advance(Duration.ofSeconds(4));
        assertThatCode(() -> throttle.checkAttempt(victim, stranger)).doesNotThrowAnyException();
    }

    @Test
    void twoNodesOverTheSameDatabaseAgreeOnAnAccountsFailures() {
        LoginThrottle one = node();
        LoginThrottle other = node();
        String address = address(STRANGER_ADDRESS);
        one.failed(victim, address);
        other.failed(victim, address);
        one.failed(victim, address);

        assertThatThrownBy(() -> other.checkAttempt(victim, address))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.type()).isEqualTo("too-many-requests");
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        other.succeeded(victim, address);
        assertThatCode(() -> one.checkAttempt(victim, address)).doesNotThrowAnyException();
    }

    @Test
    void twoNodesOverTheSameDatabaseShareAnAddressesRateLimit() {
        LoginThrottle one = node();
        LoginThrottle other = node();
        String address = address("192.0.2.10");
        one.checkAttempt("a@example.test", address);
        other.checkAttempt("b@example.test", address);
        one.checkAttempt("c@example.test", address);
        other.checkAttempt("d@example.test", address);

        assertThatThrownBy(() -> one.checkAttempt("e@example.test", address))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 60L));
        assertThatCode(() -> other.checkAttempt("e@example.test", address("192.0.2.11"))).doesNotThrowAnyException();
    }

    @Test
    void anAddressMayTryAgainOnceItsWindowHasRefilled() {
        LoginThrottle throttle = node();
        String address = address("192.0.2.20");
        for (int i = 0; i < 4; i++) {
            throttle.checkAttempt("user@example.test", address);
        }
        assertThatThrownBy(() -> throttle.checkAttempt("user@example.test", address))
                .isInstanceOf(TooManyRequestsException.class);

        clock.advance(Duration.ofSeconds(16));

        assertThatCode(() -> throttle.checkAttempt("user@example.test", address)).doesNotThrowAnyException();
    }

    @Test
    void failuresSpreadOverManyAddressesStopAtTheAccountsCeiling() {
        LoginThrottle throttle = node();
        for (int i = 0; i < 12; i++) {
            throttle.checkAttempt(victim, address("203.0.113." + i));
            throttle.failed(victim, address("203.0.113." + i));
        }

        assertThatThrownBy(() -> throttle.checkAttempt(victim, address(OWNER_ADDRESS)))
                .isInstanceOfSatisfying(TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isBetween(1L, 75L));
        assertThatCode(() -> throttle.checkAttempt("bystander" + suffix + "@example.test", address(OWNER_ADDRESS)))
                .doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(75)); // one failure's worth of the 15-minute window
        assertThatCode(() -> throttle.checkAttempt(victim, address(OWNER_ADDRESS))).doesNotThrowAnyException();
    }

    @Test
    void failuresCountForTheAccountWhateverTheCaseOrSpacesOfTheEmail() {
        LoginThrottle throttle = node();
        String address = address(STRANGER_ADDRESS);
        throttle.failed(victim.toUpperCase(), address);
        throttle.failed(" " + victim + " ", address);
        throttle.failed(victim, address);

        assertThatThrownBy(() -> throttle.checkAttempt(victim, address)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void failuresAreForgottenAWindowAfterTheLastOneAndTheCleanupDeletesThem() {
        LoginThrottle throttle = node();
        String address = address(STRANGER_ADDRESS);
        throttle.failed(victim, address);
        throttle.failed(victim, address);
        clock.advance(Duration.ofMinutes(16));
        throttle.failed(victim, address);
        throttle.failed(victim, address);
        assertThatCode(() -> throttle.checkAttempt(victim, address)).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(16));
        store.deleteExpired(clock.instant());

        assertThat(jdbc.sql("select count(*) from login_throttle where key like :key")
                .param("key", "%" + victim + "%").query(Long.class).single()).isZero();
    }

    private static long retryAfter(LoginThrottle throttle, String email, String address) {
        try {
            throttle.checkAttempt(email, address);
        } catch (TooManyRequestsException e) {
            return e.retryAfterSeconds();
        }
        throw new AssertionError("the pair should be waiting");
    }
}
