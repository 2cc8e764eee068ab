package app.comptoir.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SignedCartTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final UUID SHOP = UUID.randomUUID();

    @Test
    void aSignedCartReadsBackAsItWasWritten() {
        Cart cart = Cart.empty().add(UUID.randomUUID(), 2).add(UUID.randomUUID(), 5);

        assertThat(SignedCart.read(SignedCart.write(cart, SHOP, KEY), SHOP, KEY)).contains(cart);
    }

    @Test
    void aCookieChangedByHandReadsAsNoCart() {
        UUID pot = UUID.randomUUID();
        String value = SignedCart.write(Cart.empty().add(pot, 1), SHOP, KEY);
        String[] parts = value.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString((pot + ":999").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(SignedCart.read(forged, SHOP, KEY)).isEmpty();
        assertThat(SignedCart.read("v1.abc.def", SHOP, KEY)).isEmpty();
        assertThat(SignedCart.read("garbage", SHOP, KEY)).isEmpty();
    }

    @Test
    void aCookieOfAnotherShopOrKeyReadsAsNoCart() {
        String value = SignedCart.write(Cart.empty().add(UUID.randomUUID(), 1), SHOP, KEY);

        assertThat(SignedCart.read(value, UUID.randomUUID(), KEY)).isEmpty();
        assertThat(SignedCart.read(value, SHOP, "another-key-another-key-another!".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }
}
