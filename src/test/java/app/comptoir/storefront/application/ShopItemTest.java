package app.comptoir.storefront.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantView;

/** What the shop shows of a product: its active variants only, never a cost, its lowest price, its availability. */
class ShopItemTest {

    @Test
    void availabilityIsInStockAboveThreeLowUpToThreeOutAtZeroAndInStockWithoutStockKept() {
        assertThat(Availability.of(4)).isEqualTo(Availability.IN_STOCK);
        assertThat(Availability.of(3)).isEqualTo(Availability.LOW_STOCK);
        assertThat(Availability.of(1)).isEqualTo(Availability.LOW_STOCK);
        assertThat(Availability.of(0)).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(Availability.of(-2)).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(Availability.of(null)).isEqualTo(Availability.IN_STOCK);
    }

    @Test
    void theShopShowsOnlyActiveVariantsTheLowestPriceAndTheBestAvailability() {
        VariantView small = variant("S", "12.00", null, true, 0);
        VariantView large = variant("L", "18.00", "22.00", true, 2);
        VariantView withdrawn = variant("XL", "5.00", null, false, 50);
        ShopItem item = ShopCatalog.item(product(List.of(small, large, withdrawn)));

        assertThat(item.variants()).extracting(ShopVariant::sku).containsExactly("S", "L");
        assertThat(item.priceFrom()).isEqualByComparingTo("12.00");
        assertThat(item.priceVaries()).isTrue();
        assertThat(item.availability()).isEqualTo(Availability.LOW_STOCK);
        assertThat(item.variants().get(1).left()).isEqualTo(2);
        assertThat(item.variants().get(0).left()).isNull();
        // The variant shown first is the first one that can be bought.
        assertThat(item.variant(null).sku()).isEqualTo("L");
        assertThat(item.variant(small.id()).sku()).isEqualTo("S");
    }

    @Test
    void aProductWhoseVariantsAreAllWithdrawnCannotBeBought() {
        ShopItem item = ShopCatalog.item(product(List.of(variant("S", "12.00", null, false, 5))));
        assertThat(item.variants()).isEmpty();
        assertThat(item.availability()).isEqualTo(Availability.OUT_OF_STOCK);
        assertThat(item.variant(null)).isNull();
        assertThat(item.priceFrom()).isNull();
    }

    private static VariantView variant(String sku, String price, String compareAt, boolean active, Integer available) {
        return new VariantView(UUID.randomUUID(), sku, null, Map.of("Taille", sku), new BigDecimal(price),
                compareAt == null ? null : new BigDecimal(compareAt), new BigDecimal("1.00"), null, active, available);
    }

    private static ProductView product(List<VariantView> variants) {
        return new ProductView(UUID.randomUUID(), "Gants", "gants", null, null, null, List.of(), ProductStatus.ACTIVE,
                new BigDecimal("20"), "piece", List.of(new ProductOption("Taille", List.of("S", "L", "XL"))), variants,
                List.of(), 1, Instant.now(), Instant.now(), 7, true, null);
    }
}
