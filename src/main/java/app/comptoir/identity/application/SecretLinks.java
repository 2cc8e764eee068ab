package app.comptoir.identity.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The secrets of e-mailed links (password reset, invitation): 256 random bits, stored only as their SHA-256. */
final class SecretLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Longer than any token we make: anything longer is refused before hashing. */
    private static final int MAX_TOKEN = 100;

    private SecretLinks() {
    }

    /** A new token: 32 random bytes, base64url without padding (43 characters, safe in a URL). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token (hex SHA-256), or null for a value that cannot be one of ours. */
    static String hash(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
