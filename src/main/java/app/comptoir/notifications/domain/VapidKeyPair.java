package app.comptoir.notifications.domain;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/**
 * The deployment's VAPID key pair (RFC 8292): the browser subscribes with the public key, and every push
 * request carries a JWT signed with the private key (ES256) for the push service's origin, so the push
 * service accepts messages for that subscription from this server only.
 */
public record VapidKeyPair(ECPublicKey publicKey, ECPrivateKey privateKey) {

    /** A new key pair. */
    public static VapidKeyPair generate() {
        KeyPair pair = P256.generate();
        return new VapidKeyPair((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    }

    /** The key pair of its base64url texts; refuses a pair whose halves do not belong together. */
    public static VapidKeyPair of(String publicKey, String privateKey) {
        VapidKeyPair pair = new VapidKeyPair(P256.publicKey(P256.fromBase64Url(publicKey)),
                P256.privateKey(P256.fromBase64Url(privateKey)));
        byte[] probe = "vapid".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.publicKey());
            verifier.update(probe);
            if (!verifier.verify(pair.sign(probe))) {
                throw new IllegalArgumentException("the VAPID public and private keys are not a pair");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the VAPID public and private keys are not a pair", e);
        }
        return pair;
    }

    /** The public key as the browser's {@code applicationServerKey} and the {@code k=} parameter want it. */
    public String publicKeyText() {
        return P256.base64Url(P256.encode(publicKey));
    }

    /** The private key as stored (base64url of the scalar). */
    public String privateKeyText() {
        return P256.base64Url(P256.encode(privateKey));
    }

    /**
     * The {@code Authorization} header for a push to this endpoint: {@code vapid t=<JWT>, k=<public key>},
     * the JWT's audience being the endpoint's origin and {@code sub} the operator's contact.
     */
    public String authorization(URI endpoint, String subject, Instant expiresAt) {
        String header = P256.base64Url("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = P256.base64Url(("{\"aud\":\"" + json(audience(endpoint)) + "\",\"exp\":"
                + expiresAt.getEpochSecond() + ",\"sub\":\"" + json(subject) + "\"}").getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        String token = signingInput + "." + P256.base64Url(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        return "vapid t=" + token + ", k=" + publicKeyText();
    }

    /** The origin of an endpoint ({@code https://push.example.net[:port]}), the audience of its tokens. */
    public static String audience(URI endpoint) {
        return endpoint.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT)
                + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
    }

    private byte[] sign(byte[] data) {
        try {
            // P1363: the raw 64-byte r || s that JWS ES256 wants, not the DER of the default algorithm.
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the VAPID key", e);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "VapidKeyPair[" + publicKeyText() + ", ****]";
    }
}
