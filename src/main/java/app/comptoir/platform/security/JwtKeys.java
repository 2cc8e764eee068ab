package app.comptoir.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.comptoir.platform.ComptoirProperties;

/**
 * The HMAC key that signs access tokens: {@code COMPTOIR_JWT_SECRET} when set, otherwise a random key
 * generated once and kept in {@code <data-dir>/jwt-secret} (every node of a cluster must share it).
 * There is no built-in default key.
 */
final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private static final int MIN_BYTES = 32;

    private JwtKeys() {
    }

    static SecretKey load(ComptoirProperties properties) {
        String configured = properties.security().jwtSecret();
        byte[] secret;
        if (configured != null && !configured.isBlank()) {
            secret = configured.getBytes(StandardCharsets.UTF_8);
            if (secret.length < MIN_BYTES) {
                throw new IllegalStateException("COMPTOIR_JWT_SECRET must be at least " + MIN_BYTES + " bytes long");
            }
        } else {
            secret = fromFile(properties.dataDir().resolve("jwt-secret"));
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[64];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("Cannot restrict permissions of {}", file);
            }
            log.info("Generated a new token signing key in {}", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }
}
