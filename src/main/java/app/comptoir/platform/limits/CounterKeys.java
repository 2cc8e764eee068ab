package app.comptoir.platform.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counter keys of a bounded length, whatever a client sent as its address. */
final class CounterKeys {

    /** Longer keys (no real address or id makes one) are replaced by their SHA-256. */
    static final int MAX = 200;

    private CounterKeys() {
    }

    static String bounded(String key) {
        if (key.length() <= MAX) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
