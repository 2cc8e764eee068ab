package app.comptoir.notifications.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), one record:
 * an ephemeral ECDH key agreement with the browser's P-256 key, HKDF-SHA-256 mixed with the browser's
 * 16-byte authentication secret, then AES-128-GCM. Only the browser that subscribed can read the payload;
 * the push service relays bytes it cannot open.
 */
public final class PushEncryption {

    /** The record size announced in the header; the whole message is one record. */
    public static final int RECORD_SIZE = 4096;
    /** The largest payload one record carries: the record size less the delimiter octet and the GCM tag. */
    public static final int MAX_PAYLOAD = RECORD_SIZE - 1 - 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PushEncryption() {
    }

    /** Encrypts a payload for the browser's public key and authentication secret, with fresh salt and key. */
    public static byte[] encrypt(byte[] payload, ECPublicKey browserKey, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(payload, browserKey, authSecret, P256.generate(), salt);
    }

    /** Encrypts with the given ephemeral key pair and salt (fixed only by tests, against RFC 8291's example). */
    public static byte[] encrypt(byte[] payload, ECPublicKey browserKey, byte[] authSecret, KeyPair ephemeral,
                                 byte[] salt) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload over " + MAX_PAYLOAD + " bytes");
        }
        if (authSecret.length != 16 || salt.length != 16) {
            throw new IllegalArgumentException("the authentication secret and the salt are 16 bytes");
        }
        byte[] serverPublic = P256.encode((ECPublicKey) ephemeral.getPublic());
        byte[] shared = ecdh((ECPrivateKey) ephemeral.getPrivate(), browserKey);
        Keys keys = keys(shared, authSecret, P256.encode(browserKey), serverPublic, salt);
        byte[] plain = Arrays.copyOf(payload, payload.length + 1);
        plain[payload.length] = 2; // the delimiter of the last (here the only) record, no padding
        byte[] cipherText = aesGcm(Cipher.ENCRYPT_MODE, keys, plain);
        return ByteBuffer.allocate(16 + 4 + 1 + serverPublic.length + cipherText.length)
                .put(salt).putInt(RECORD_SIZE).put((byte) serverPublic.length).put(serverPublic).put(cipherText).array();
    }

    /**
     * Decrypts a message as the browser does, with its private key and authentication secret: what a push
     * service fake uses to check what was sent.
     */
    public static byte[] decrypt(byte[] message, ECPrivateKey browserPrivate, ECPublicKey browserPublic,
                                 byte[] authSecret) {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size: one record here
        byte[] serverPublic = new byte[in.get() & 0xff];
        in.get(serverPublic);
        byte[] cipherText = new byte[in.remaining()];
        in.get(cipherText);
        byte[] shared = ecdh(browserPrivate, P256.publicKey(serverPublic));
        Keys keys = keys(shared, authSecret, P256.encode(browserPublic), serverPublic, salt);
        byte[] plain = aesGcm(Cipher.DECRYPT_MODE, keys, cipherText);
        int end = plain.length - 1;
        while (end >= 0 && plain[end] == 0) {
            end--; // padding
        }
        if (end < 0 || plain[end] != 2) {
            throw new IllegalArgumentException("not the last record");
        }
        return Arrays.copyOf(plain, end);
    }

    private record Keys(byte[] contentKey, byte[] nonce) {
    }

    private static Keys keys(byte[] shared, byte[] authSecret, byte[] browserPublic, byte[] serverPublic, byte[] salt) {
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserPublic, serverPublic);
        byte[] ikm = expand(hmac(authSecret, shared), keyInfo, 32);
        byte[] prk = hmac(salt, ikm);
        return new Keys(expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16),
                expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12));
    }

    /** HKDF-Expand for at most one block (32 bytes), all Web Push needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ecdh(ECPrivateKey own, ECPublicKey other) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(other, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key agreement failed", e);
        }
    }

    private static byte[] aesGcm(int mode, Keys keys, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keys.contentKey(), "AES"), new GCMParameterSpec(128, keys.nonce()));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt"), e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
