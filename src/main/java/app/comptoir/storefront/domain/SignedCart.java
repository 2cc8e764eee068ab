package app.comptoir.storefront.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An anonymous visitor's cart as a cookie value: {@code v1.<lines>.<signature>}, the lines as
 * {@code variantId:quantity} joined by {@code ,} (Base64url), the signature an HMAC-SHA256 of the shop's tenant and
 * the lines with the deployment's key. A value changed by hand, signed with another key, copied from another shop or
 * holding more than {@value Cart#MAX_LINES} lines reads as no cart: a cart cannot be forged.
 */
public final class SignedCart {

    private static final String VERSION = "v1";

    private SignedCart() {
    }

    /** The cookie value of a cart for a shop. */
    public static String write(Cart cart, UUID shop, byte[] key) {
        StringBuilder text = new StringBuilder();
        for (Cart.CartLine l : cart.lines()) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(l.variantId()).append(':').append(l.quantity());
        }
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                text.toString().getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + payload + "." + sign(shop, payload, key);
    }

    /** The cart of a cookie value, or empty when it is absent, malformed or not signed with this key for this shop. */
    public static Optional<Cart> read(String value, UUID shop, byte[] key) {
        if (value == null || value.length() > 4096) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        byte[] expected = sign(shop, parts[1], key).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            List<Cart.CartLine> lines = new ArrayList<>();
            if (!text.isEmpty()) {
                for (String line : text.split(",")) {
                    String[] vq = line.split(":");
                    int quantity = Integer.parseInt(vq[1]);
                    if (vq.length != 2 || quantity < 1 || quantity > Cart.MAX_QUANTITY) {
                        return Optional.empty();
                    }
                    lines.add(new Cart.CartLine(UUID.fromString(vq[0]), quantity));
                }
            }
            if (lines.size() > Cart.MAX_LINES) {
                return Optional.empty();
            }
            return Optional.of(new Cart(lines));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static String sign(UUID shop, String payload, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((shop + "|").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
