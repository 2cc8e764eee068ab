package app.comptoir.storefront.application;

import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.SecretFiles;

/**
 * The key that signs anonymous carts' cookies: {@code comptoir.storefront.cart-key} (Base64, at least 32 bytes; set
 * it on every node of a cluster), else generated once in {@code <data-dir>/storefront-cart.key} (mode 600), like the
 * payments encryption key. Changing it empties the anonymous carts (their cookies no longer verify), nothing more.
 */
@Component
public class CartKey {

    private static final Logger log = LoggerFactory.getLogger(CartKey.class);

    private final byte[] key;

    CartKey(@Value("${comptoir.storefront.cart-key:}") String configured, ComptoirProperties properties) {
        if (configured != null && !configured.isBlank()) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(configured.strip().replace('-', '+').replace('_', '/'));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("comptoir.storefront.cart-key must be Base64", e);
            }
            if (decoded.length < 32) {
                throw new IllegalStateException("comptoir.storefront.cart-key must hold at least 32 bytes");
            }
            key = decoded;
        } else {
            SecretFiles.Kept kept = SecretFiles.keep(properties.dataDir().resolve("storefront-cart.key"), 32);
            if (kept.generated()) {
                log.info("Generated the storefront cart key in {}",
                        properties.dataDir().resolve("storefront-cart.key").toAbsolutePath());
            }
            key = kept.bytes();
        }
    }

    byte[] bytes() {
        return key.clone();
    }
}
