package app.comptoir.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fixed-window hit counters for throttles and rate caps, shared by every node of a cluster: in PostgreSQL by
 * default, in Redis when {@code comptoir.redis.url} is set, in this node's memory when
 * {@code comptoir.limits.store=memory} (a single node). Two nodes counting one key count one total, so a cap holds
 * whatever node a balancer sends each request to.
 */
public interface SharedCounters {

    /**
     * Counts one hit on the key: its window of {@code window} starts at its first hit after the previous window
     * ended. Returns the hits of the current window, this one included, and the time left in it.
     */
    Count hit(String key, Duration window);

    /**
     * The text itself when it has at most {@code max} characters, else {@code sha256:} and its SHA-256: a key made of
     * what a client sent (an address, an e-mail) stays short whatever it sent.
     */
    static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key's hits in its current window (the one just counted included) and the time until that window ends. */
    record Count(long hits, Duration resetsIn) {

        /** Whether the hit just counted is beyond {@code limit} hits per window. */
        public boolean over(int limit) {
            return hits > limit;
        }

        /** Hits still allowed in this window. */
        public long remaining(int limit) {
            return Math.max(0, limit - hits);
        }

        /** Whole seconds until the window ends, at least one. */
        public long resetSeconds() {
            return Math.max(1, (resetsIn.toMillis() + 999) / 1000);
        }
    }
}
