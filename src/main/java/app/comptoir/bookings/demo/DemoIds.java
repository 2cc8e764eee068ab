package app.comptoir.bookings.demo;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

/**
 * The demo's ids: the set-up's derived from names (the same start makes the same rows and a replay finds them), the
 * appointments' UUIDv7 of their booking time with bits from the demo's seeded random (the same seed, the same ids).
 */
final class DemoIds {

    private DemoIds() {
    }

    static UUID of(String... parts) {
        return UUID.nameUUIDFromBytes(("comptoir-demo:bookings:" + String.join(":", parts))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A UUIDv7 of the given Unix milliseconds whose 74 other bits come from {@code random}. */
    static UUID v7(long millis, Random random) {
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
