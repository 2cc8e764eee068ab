package app.comptoir.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals secrets at rest with AES-256-GCM: a random 12-byte nonce, the ciphertext and its 16-byte tag, with
 * associated data that binds a sealed value to where it belongs (its business and provider), so a value copied
 * into another row does not open.
 *
 * <p>Each module that keeps secrets holds its own seal, with its own key: the key from its setting (Base64 of 32
 * bytes, e.g. {@code comptoir.payments.encryption-key}) when set, otherwise one generated once in a file of the data
 * directory (mode 600), like the embedded database's passwords. Each sealed value is stored with its key's id (the
 * first 4 bytes of the key's SHA-256, in hex), so after a rotation the previous keys (e.g.
 * {@code comptoir.payments.previous-encryption-keys}) still open older rows, and saving them again seals them with
 * the current key.
 */
public class SecretSeal {

    private static final Logger log = LoggerFactory.getLogger(SecretSeal.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value and the id of the key that sealed it. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    /** The value was sealed with a key this deployment does not have, or was changed (tag mismatch). */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * A seal with the key given in the setting {@code <settings>.encryption-key} ({@code key}, Base64 of 32 bytes),
     * or, when it is blank, the one kept in {@code keyFile} (generated on first use); {@code previousKeys} (from
     * {@code <settings>.previous-encryption-keys}, comma-separated or listed) still open what they sealed.
     */
    public SecretSeal(String settings, String key, List<String> previousKeys, Path keyFile) {
        byte[] current;
        if (key != null && !key.isBlank()) {
            current = decode(settings + ".encryption-key", key);
        } else {
            SecretFiles.Kept kept = SecretFiles.keep(keyFile, 32);
            if (kept.generated()) {
                log.info("Generated the {} encryption key in {}", settings, keyFile.toAbsolutePath());
            }
            current = kept.bytes();
        }
        currentId = id(current);
        keys.put(currentId, new SecretKeySpec(current, "AES"));
        for (String text : previousKeys == null ? List.<String>of() : previousKeys) {
            for (String one : text.split(",")) {
                if (!one.isBlank()) {
                    byte[] older = decode(settings + ".previous-encryption-keys", one);
                    keys.putIfAbsent(id(older), new SecretKeySpec(older, "AES"));
                }
            }
        }
    }

    /** The id of the key that seals new values. */
    public String currentKeyId() {
        return currentId;
    }

    /** Seals the text with the current key, bound to the associated data. */
    public Sealed seal(String plain, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentId, ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Opens a sealed value with the key it names. */
    public String open(Sealed sealed, String associatedData) throws Unreadable {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new Unreadable("sealed with key " + sealed.keyId() + ", which this deployment does not have");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(sealed.bytes(), NONCE, sealed.bytes().length - NONCE);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new Unreadable("the sealed value does not open with key " + sealed.keyId() + " here");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] decode(String setting, String text) {
        String value = text.strip();
        byte[] key;
        try {
            key = value.contains("+") || value.contains("/") ? Base64.getDecoder().decode(value)
                    : Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " must be the Base64 of 32 random bytes (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalStateException(setting + " must be the Base64 of 32 random bytes (openssl rand -base64 32),"
                    + " not " + key.length + " bytes");
        }
        return key;
    }

    private static String id(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
