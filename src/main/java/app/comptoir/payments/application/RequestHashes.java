package app.comptoir.payments.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The fingerprint of a request kept with its idempotency key: the same key with another request is refused. */
final class RequestHashes {

    private RequestHashes() {
    }

    /** SHA-256 (hex) of the parts, in order; a BigDecimal counts by its value (1.50 and 1.5 are the same). */
    static String of(Object... parts) {
        String canonical = Stream.of(parts).map(p -> p instanceof java.math.BigDecimal d
                ? d.stripTrailingZeros().toPlainString() : Objects.toString(p, "")).collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
