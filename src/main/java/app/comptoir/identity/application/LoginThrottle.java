package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Slows down password guessing: a limited number of failed logins per account in a window, and a
 * limited number of attempts per client address. Buckets live in this node's memory (a cluster
 * behind a sticky load balancer keeps the limits; a shared store is a later option).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final ComptoirProperties.Login limits;
    private final TimeMeter time;

    LoginThrottle(ComptoirProperties properties, Clock clock) {
        this.limits = properties.security().login();
        this.time = timeOf(clock);
    }

    /** Counts an attempt from the address and refuses it when the address or the account is throttled. */
    void checkAttempt(String email, String address) {
        Bucket ip = bucket(addresses, address, limits.attemptsPerIp(), limits.ipWindow());
        ConsumptionProbe probe = ip.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many login attempts from this address; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
        Bucket account = bucket(accounts, key(email), limits.failuresPerAccount(), limits.accountWindow());
        long wait = account.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        if (wait > 0) {
            throw new TooManyRequestsException("Too many failed logins for this account; try again later",
                    Duration.ofNanos(wait));
        }
    }

    /** Records a failed login for the account. */
    void failed(String email) {
        bucket(accounts, key(email), limits.failuresPerAccount(), limits.accountWindow()).tryConsume(1);
    }

    /** Forgets the account's failures after a successful login. */
    void succeeded(String email) {
        accounts.remove(key(email));
    }

    private static String key(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key, int capacity, Duration window) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build());
    }

    /** Buckets refill by the application's clock, so that tests can move time. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
