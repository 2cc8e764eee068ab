package app.comptoir.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.comptoir.catalog.demo.CatalogSeed.ProductSeed;
import app.comptoir.catalog.demo.CatalogSeed.VariantSeed;
import app.comptoir.catalog.domain.Barcodes;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.VariantSpec;

class GardenCatalogTest {

    @Test
    void theGardenCatalogHasAThousandProductsAndAboutTenThousandVariants() {
        CatalogSeed seed = GardenCatalog.generate(1000);
        assertThat(seed.products()).hasSize(1000);
        assertThat(seed.variantCount()).isBetween(9_000, 11_000);
        assertThat(seed.categories()).hasSizeGreaterThan(40);
        assertThat(seed.categories().stream().filter(c -> c.parentPath() == null)).hasSize(12);
    }

    @Test
    void theSameSizeGivesTheSameCatalog() {
        assertThat(GardenCatalog.generate(300)).isEqualTo(GardenCatalog.generate(300));
    }

    @Test
    void everyGeneratedProductFollowsTheCatalogRules() {
        assertValid(GardenCatalog.generate(1000));
        for (String slug : List.of("seconde-main", "express-livraison", "boutique-awa")) {
            assertValid(SmallShopCatalogs.forSlug(slug).orElseThrow());
        }
        assertThat(SmallShopCatalogs.forSlug("ct-du-centre")).isEmpty();
    }

    @Test
    void theDakarShopSellsStaplesInBagsWithSenegaleseVat() {
        CatalogSeed awa = SmallShopCatalogs.forSlug("boutique-awa").orElseThrow();
        assertThat(awa.products()).extracting(ProductSeed::name).contains("Riz brisé parfumé", "Huile d'arachide",
                "Sucre en poudre");
        assertThat(awa.products()).allSatisfy(p -> assertThat(p.vatRate()).isEqualByComparingTo("18"));
        assertThat(SmallShopCatalogs.forSlug("seconde-main").orElseThrow().products())
                .allSatisfy(p -> assertThat(p.variants()).hasSize(1));
    }

    private static void assertValid(CatalogSeed seed) {
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<String> categories = new HashSet<>();
        seed.categories().forEach(c -> categories.add(c.path()));
        for (ProductSeed p : seed.products()) {
            ProductSpec spec = new ProductSpec(p.name(), p.slug(), p.description(), p.brand(), null, p.tags(), p.status(),
                    p.vatRate(), p.unit(), p.options(), p.variants().stream().map(v -> new VariantSpec(null, v.sku(),
                    v.barcode(), v.options(), v.price(), v.compareAtPrice(), v.cost(), v.weight(), v.active())).toList(),
                    null);
            ProductRules.Checked checked = ProductRules.check(spec);
            assertThat(checked.errors()).as(p.name()).isEmpty();
            assertThat(checked.spec().tags()).as(p.name()).isEqualTo(p.tags());
            assertThat(slugs.add(p.slug())).as(p.slug()).isTrue();
            assertThat(categories).contains(p.categoryPath());
            for (VariantSeed v : p.variants()) {
                assertThat(skus.add(v.sku().toLowerCase(Locale.ROOT))).as(v.sku()).isTrue();
                if (v.barcode() != null) {
                    assertThat(Barcodes.isValid(v.barcode())).as(v.barcode()).isTrue();
                    assertThat(barcodes.add(v.barcode())).as(v.barcode()).isTrue();
                }
            }
        }
    }
}
