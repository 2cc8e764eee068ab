package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.identity.persistence.LoginThrottleStore;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.SharedCounters;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Slows down password guessing (logins and password changes) without letting a stranger lock an
 * account's owner out:
 * <ul>
 * <li>per client address, a rate limit on attempts whatever the account ({@code attempts-per-ip} per
 * {@code ip-window});</li>
 * <li>per account <em>and</em> address, a progressive delay: after {@code failures-per-account} failures
 * in a row that pair waits {@code first-delay}, then twice as long after each further failure, up to
 * {@code max-delay}; failures are forgotten {@code account-window} after the last one, or at the pair's
 * next success. The owner, from their own address, is not slowed by a stranger's failures;</li>
 * <li>per account, a generous ceiling on failures from all addresses together ({@code account-ceiling}
 * per {@code account-window}), against guessing spread over many addresses.</li>
 * </ul>
 * Other kinds of accounts (a shop's shoppers) are counted the same way under keys of their own realm (a prefix),
 * through {@link app.comptoir.identity.AccountRules}.
 * The state is in the database (table {@code login_throttle}, {@link LoginThrottleStore}), so every node
 * of a cluster sees the same counts; a db-scheduler task deletes expired rows ({@link LoginThrottleCleanup}).
 */
@Component
class LoginThrottle {

    /** The staff's realm: their keys have no prefix (as before realms existed). */
    static final String STAFF = "";

    /** The longest e-mail (RFC 5321: 254) or client address kept as it is in a throttle key. */
    static final int MAX_KEY_PART = 254;

    private final ComptoirProperties.Login limits;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int accountCeiling;
    private final LoginThrottleStore store;
    private final Clock clock;
    private final int resetRequests;
    private final Duration resetWindow;

    LoginThrottle(ComptoirProperties properties, LoginThrottleStore store, Clock clock,
                  @Value("${comptoir.security.login.first-delay:1s}") Duration firstDelay,
                  @Value("${comptoir.security.login.max-delay:15m}") Duration maxDelay,
                  @Value("${comptoir.security.login.account-ceiling:100}") int accountCeiling,
                  @Value("${comptoir.security.password-reset.requests-per-account:3}") int resetRequests,
                  @Value("${comptoir.security.password-reset.window:15m}") Duration resetWindow) {
        this.resetRequests = resetRequests;
        this.resetWindow = resetWindow;
        this.limits = properties.security().login();
        this.store = store;
        this.clock = clock;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.accountCeiling = accountCeiling;
    }

    /** Counts an attempt from the address, whatever the account (sign-up uses only this). */
    void checkAddress(String address) {
        checkAddress(STAFF, address);
    }

    /** Counts an attempt from the address in a realm of accounts (the staff's: {@link #STAFF}). */
    void checkAddress(String realm, String address) {
        Instant now = clock.instant();
        store.take(addressKey(realm, address), now, limits.ipWindow().dividedBy(limits.attemptsPerIp()),
                        limits.ipWindow())
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many login attempts from this address; try again later",
                            wait);
                });
    }

    /**
     * Counts one act of a realm from the address (a shop's registrations), at most {@code limit} per {@code window};
     * refused with the wait when the address is over it.
     */
    void checkRate(String realm, String act, String address, int limit, Duration window) {
        store.take(realm + act + ":" + bounded(address), clock.instant(), window.dividedBy(limit), window)
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many requests from this address; try again later", wait);
                });
    }

    /** Counts an attempt from the address and refuses it when the address, the pair or the account is throttled. */
    void checkAttempt(String email, String address) {
        checkAttempt(STAFF, email, address);
    }

    /** {@link #checkAttempt(String, String)} in a realm of accounts. */
    void checkAttempt(String realm, String email, String address) {
        checkAddress(realm, address);
        Instant now = clock.instant();
        String pair = pairKey(realm, email, address);
        String account = accountKey(realm, email);
        Map<String, LoginThrottleStore.Row> rows = store.rows(pair, account);
        LoginThrottleStore.Row pairRow = rows.get(pair);
        if (pairRow != null && pairRow.blockedUntil() != null && pairRow.blockedUntil().isAfter(now)) {
            throw new TooManyRequestsException("Too many failed logins for this account; try again later",
                    Duration.between(now, pairRow.blockedUntil()));
        }
        LoginThrottleStore.Row accountRow = rows.get(account);
        Duration window = limits.accountWindow();
        Duration emission = window.dividedBy(accountCeiling);
        if (accountRow != null && accountRow.tat() != null && accountRow.tat().plus(emission).isAfter(now.plus(window))) {
            throw new TooManyRequestsException("Too many failed logins for this account; try again later",
                    Duration.between(now.plus(window), accountRow.tat().plus(emission)));
        }
    }

    /**
     * Counts a password-reset request: as an attempt from the address (the login limit), and per e-mail
     * ({@code reset-requests-per-account} per {@code reset-window}), so nobody floods a mailbox with links. The
     * e-mail's count is kept whether an account exists or not, so the answer says nothing about it.
     */
    void checkResetRequest(String email, String address) {
        checkResetRequest(STAFF, email, address);
    }

    /** {@link #checkResetRequest(String, String)} in a realm of accounts. */
    void checkResetRequest(String realm, String email, String address) {
        checkAddress(realm, address);
        store.take(realm + "reset:" + email(email), clock.instant(), resetWindow.dividedBy(resetRequests), resetWindow)
                .ifPresent(wait -> {
                    throw new TooManyRequestsException("Too many reset requests for this address; try again later",
                            wait);
                });
    }

    /** Records a failed login (or a wrong current password) for the account from the address. */
    void failed(String email, String address) {
        failed(STAFF, email, address);
    }

    /** {@link #failed(String, String)} in a realm of accounts. */
    void failed(String realm, String email, String address) {
        Instant now = clock.instant();
        String pair = pairKey(realm, email, address);
        int failures = store.fail(pair, now, limits.accountWindow());
        if (failures >= limits.failuresPerAccount()) {
            store.block(pair, now.plus(delayAfter(failures)));
        }
        store.spend(accountKey(realm, email), now, limits.accountWindow().dividedBy(accountCeiling), limits.accountWindow());
    }

    /** Forgets the pair's failures after a successful login (the account's ceiling keeps counting). */
    void succeeded(String email, String address) {
        succeeded(STAFF, email, address);
    }

    /** {@link #succeeded(String, String)} in a realm of accounts. */
    void succeeded(String realm, String email, String address) {
        store.forget(pairKey(realm, email, address));
    }

    /** How long a pair waits after its {@code failures}-th failure in a row: 1 s, 2 s, 4 s … up to the cap. */
    Duration delayAfter(int failures) {
        int doublings = failures - limits.failuresPerAccount();
        if (doublings < 0) {
            return Duration.ZERO;
        }
        if (doublings >= 40) {
            return maxDelay;
        }
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    static String email(String email) {
        return bounded(email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String realm, String address) {
        return realm + "address:" + bounded(address);
    }

    /**
     * A key part of at most {@link #MAX_KEY_PART} characters: anything longer (no real e-mail or address is) is
     * replaced by its SHA-256, so a 1 MB "e-mail" still counts as an attempt instead of overflowing the
     * table's index.
     */
    static String bounded(String part) {
        return SharedCounters.bounded(part, MAX_KEY_PART);
    }

    private static String accountKey(String realm, String email) {
        return realm + "account:" + email(email);
    }

    private static String pairKey(String realm, String email, String address) {
        return realm + "pair:" + email(email) + " " + bounded(address);
    }
}
