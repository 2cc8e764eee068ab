package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ListingPreparationTest {

    private static final String JACKETS = "0190aaaa-0000-7000-8000-000000000001";

    private static ListingPreparation.Facts jacket(String name, String size, String colour) {
        return new ListingPreparation.Facts(name, "Veste en jean délavé.", JACKETS, "Vestes", "Levi's", "VERY_GOOD",
                size, "coton", colour, new BigDecimal("24.50"));
    }

    private static MappingTable table(MappingTable.Row... rows) {
        return new MappingTable(List.of(rows), true);
    }

    @Test
    void everyFieldComesFromTheMappingsAndThePricingRule() {
        MappingTable mappings = table(new MappingTable.Row(MappingKind.CATEGORY, JACKETS, "", 1907, null),
                new MappingTable.Row(MappingKind.BRAND, "levi's", "", 10, null),
                new MappingTable.Row(MappingKind.SIZE, "M", "", 207, null),
                new MappingTable.Row(MappingKind.SIZE, "M", JACKETS, 4, null));
        ListingPreparation.Prepared p = ListingPreparation.prepare(jacket("Veste Levi's - Taille M", "M", "Bleu"),
                mappings, new PricingRule(new BigDecimal("10"), BigDecimal.ZERO, PricingRule.Rounding.NINETY, null));
        assertThat(p.gaps()).isEmpty();
        assertThat(p.title()).isEqualTo("Veste Levi's");
        assertThat(p.catalogId()).isEqualTo(1907L);
        assertThat(p.statusId()).isEqualTo(2L); // the built-in default for "very good"
        assertThat(p.brand()).isEqualTo("Levi's");
        assertThat(p.brandId()).isEqualTo(10L);
        assertThat(p.sizeId()).as("the size row of the item's category wins").isEqualTo(4L);
        assertThat(p.colorIds()).containsExactly(9L);
        assertThat(p.price()).isEqualTo(new BigDecimal("27.90")); // 24.50 + 10 % = 26.95, past 26.90: 27.90
    }

    @Test
    void aValueWithoutAMappingIsAGapNamingTheValue() {
        ListingPreparation.Prepared p = ListingPreparation.prepare(jacket("Veste en jean", "XXL", "Fuchsia"), table(),
                PricingRule.NONE);
        assertThat(p.gaps()).extracting(ListingPreparation.Gap::field, ListingPreparation.Gap::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("catalogId", "Vestes"),
                        org.assertj.core.groups.Tuple.tuple("sizeId", "XXL"),
                        org.assertj.core.groups.Tuple.tuple("colorIds", "Fuchsia"));
        assertThat(p.brandId()).as("an unmapped brand goes as text only").isNull();
        assertThat(p.brand()).isEqualTo("Levi's");
    }

    @Test
    void theBusinessOverridesADefault() {
        MappingTable mappings = table(new MappingTable.Row(MappingKind.CONDITION, "VERY_GOOD", "", 99, null));
        assertThat(mappings.find(MappingKind.CONDITION, "very_good", "")).contains(99L);
        assertThat(mappings.find(MappingKind.CONDITION, "GOOD", "")).contains(3L);
        assertThat(mappings.find(MappingKind.COLOUR, " noir ", "")).contains(1L);
    }

    @Test
    void theTitleLosesTheAttributesTypedIntoTheName() {
        assertThat(ListingPreparation.title(jacket("Pull laine (Très bon état) | T38", "38", null)))
                .isEqualTo("Pull laine");
        assertThat(ListingPreparation.title(jacket("Robe d'été fleurie", "38", null))).isEqualTo("Robe d'été fleurie");
        assertThat(ListingPreparation.title(jacket("Robe fleurie Sézane taille 38", "38", null)))
                .isEqualTo("Robe fleurie Sézane");
        assertThat(ListingPreparation.title(jacket("Trench Comptoir des Cotonniers T38", "38", null)))
                .isEqualTo("Trench Comptoir des Cotonniers");
        assertThat(ListingPreparation.title(jacket("Pull cachemire Uniqlo M", "M", null))).isEqualTo("Pull cachemire Uniqlo");
        assertThat(ListingPreparation.title(jacket("Jean 501 Levi's W32 L32", "W32 L32", null))).isEqualTo("Jean 501 Levi's");
        assertThat(ListingPreparation.title(jacket("Sac M", "M", null))).as("never shorter than 5").isEqualTo("Sac M");
    }
}
