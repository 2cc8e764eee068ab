package app.comptoir.storefront.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CartTest {

    private static final UUID POT = UUID.randomUUID();
    private static final UUID SOIL = UUID.randomUUID();

    @Test
    void addingAVariantAlreadyInTheCartAddsToItsLine() {
        Cart cart = Cart.empty().add(POT, 2).add(SOIL, 1).add(POT, 3);

        assertThat(cart.lines()).containsExactly(new Cart.CartLine(POT, 5), new Cart.CartLine(SOIL, 1));
        assertThat(cart.itemCount()).isEqualTo(6);
    }

    @Test
    void aCartHoldsAtMostFiftyLinesAndNineHundredNinetyNineOfAVariant() {
        Cart cart = Cart.empty();
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            cart = cart.add(UUID.randomUUID(), 1);
        }
        Cart full = cart;

        assertThatThrownBy(() -> full.add(POT, 1)).isInstanceOf(Cart.CartFull.class);
        assertThat(full.add(full.lines().getFirst().variantId(), 999).lines().getFirst().quantity()).isEqualTo(999);
        assertThatThrownBy(() -> Cart.empty().add(POT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingAQuantityToZeroRemovesTheLine() {
        Cart cart = Cart.empty().add(POT, 2).add(SOIL, 1);

        assertThat(cart.set(POT, 0).lines()).containsExactly(new Cart.CartLine(SOIL, 1));
        assertThat(cart.set(POT, 7).quantityOf(POT)).isEqualTo(7);
        assertThat(cart.remove(SOIL).quantityOf(SOIL)).isZero();
    }

    @Test
    void mergingAddsQuantitiesCappedByWhatIsAvailable() {
        Cart mine = Cart.empty().add(POT, 2);
        Cart anonymous = Cart.empty().add(POT, 3).add(SOIL, 10);

        Cart merged = mine.merge(anonymous, Map.of(POT, 4, SOIL, 6));

        assertThat(merged.lines()).containsExactly(new Cart.CartLine(POT, 4), new Cart.CartLine(SOIL, 6));
    }

    @Test
    void mergingKeepsALineOutOfStockSoTheShopperSeesWhy() {
        Cart merged = Cart.empty().merge(Cart.empty().add(POT, 3), Map.of(POT, 0));

        assertThat(merged.lines()).containsExactly(new Cart.CartLine(POT, 1));
    }

    @Test
    void mergingNeverGoesPastFiftyLines() {
        Cart mine = Cart.empty();
        for (int i = 0; i < Cart.MAX_LINES; i++) {
            mine = mine.add(UUID.randomUUID(), 1);
        }

        Cart merged = mine.merge(Cart.empty().add(POT, 1), Map.of());

        assertThat(merged.lines()).hasSize(Cart.MAX_LINES);
        assertThat(merged.quantityOf(POT)).isZero();
    }
}
