package app.comptoir.platform;

import java.security.SecureRandom;
import java.util.UUID;

/** Generates time-ordered UUIDv7 identifiers (RFC 9562) in the application, so clients may create ids offline. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new UUIDv7: 48 bits of Unix milliseconds, then version, variant and 74 random bits. */
    public static UUID newId() {
        return at(System.currentTimeMillis());
    }

    /** A UUIDv7 of the given Unix milliseconds (for rows dated in the past, such as imported history). */
    public static UUID at(long millis) {
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
