package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * A business's public shop over HTTP, through the real security chain: off until the business switches it on;
 * pages and store API showing only the business's active products (never a draft, an archived product or another
 * business's); the variant picker, prices with the business's VAT basis and availability; SEO (canonical, hreflang,
 * JSON-LD, sitemap, robots.txt); caching (ETag, 304, public max-age, a new page once the catalog changes) and
 * compression; the store API's answers and its errors.
 */
@IntegrationTest
class StorefrontPagesIT {

    @LocalServerPort
    int port;

    private Response get(String path, String... headers) {
        var request = Api.given(port).redirects().follow(false);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.get(path);
    }

    @Test
    void aListsCardSaysWhatItsProductSays() {
        ShopApi shop = ShopApi.open(port, "Jardin des cartes", true);
        String roses = shop.category("Rosiers", null);
        Map<String, Object> withdrawn = new java.util.LinkedHashMap<>(
                ShopApi.variant("CAR-RAC", "4.90", Map.of("Taille", "Racines nues"), 50));
        withdrawn.put("active", false);
        Map<String, Object> onOffer = new java.util.LinkedHashMap<>(
                ShopApi.variant("CAR-P4", "19.90", Map.of("Taille", "Pot 4 L"), 2));
        onOffer.put("compareAtPrice", new java.math.BigDecimal("24.90"));
        List<Map<String, Object>> options = List.of(ShopApi.option("Taille", "Racines nues", "Pot 4 L", "Pot 7 L"));
        // A cheaper variant withdrawn from sale, the cheapest on sale on offer with 2 left, a dearer one out of stock.
        String few = shop.productWithVariants("Rosier à cartes", roses, options, List.of(withdrawn, onOffer,
                ShopApi.variant("CAR-P7", "29.90", Map.of("Taille", "Pot 7 L"), 0)));
        // One price for every variant, plenty in stock.
        String plenty = shop.productWithVariants("Rosier abondant", roses, options, List.of(
                ShopApi.variant("ABO-P4", "15.00", Map.of("Taille", "Pot 4 L"), 1),
                ShopApi.variant("ABO-P7", "15.00", Map.of("Taille", "Pot 7 L"), 40)));
        // Nothing left of any variant.
        String none = shop.productWithVariants("Rosier épuisé", roses, options, List.of(
                ShopApi.variant("EPU-P4", "12.00", Map.of("Taille", "Pot 4 L"), 0)));

        JsonPath list = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?category=" + roses)
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.name", String.class))
                .containsExactly("Rosier à cartes", "Rosier abondant", "Rosier épuisé");
        assertThat(list.getList("items.id", String.class)).containsExactly(few, plenty, none);
        assertThat(list.getList("items.priceFrom", String.class)).containsExactly("19.9", "15.0", "12.0");
        assertThat(list.getString("items[0].compareAtPrice")).isEqualTo("24.9");
        assertThat(list.getString("items[1].compareAtPrice")).isNull();
        assertThat(list.getList("items.priceVaries", Boolean.class)).containsExactly(true, false, false);
        assertThat(list.getList("items.availability", String.class))
                .containsExactly("LOW_STOCK", "IN_STOCK", "OUT_OF_STOCK");
        assertThat(list.getList("items.variantCount", Integer.class)).containsExactly(2, 2, 1);
        // A page past the end is empty and still counts the list; a search that finds nothing counts nothing.
        JsonPath past = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?category=" + roses
                + "&size=2&page=4").then().statusCode(200).extract().jsonPath();
        assertThat(past.getList("items")).isEmpty();
        assertThat(past.getLong("total")).isEqualTo(3);
        assertThat(Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?q=tulipe").then().statusCode(200)
                .extract().jsonPath().getLong("total")).isZero();
        // The same figures as the product itself, with its variants.
        for (int i = 0; i < 3; i++) {
            JsonPath product = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/"
                    + list.getString("items[" + i + "].id")).then().statusCode(200).extract().jsonPath();
            assertThat(product.getString("priceFrom")).isEqualTo(list.getString("items[" + i + "].priceFrom"));
            assertThat(product.getString("availability")).isEqualTo(list.getString("items[" + i + "].availability"));
            assertThat(product.getList("variants")).hasSize(list.getInt("items[" + i + "].variantCount"));
        }
        // The shop's category page shows the same cards.
        String page = get("/shop/" + shop.slug() + "/categories/" + roses).then().statusCode(200).extract().asString();
        assertThat(page).contains("À partir de 19,90", "data-availability=\"LOW_STOCK\"", "Rupture de stock", "15,00")
                .doesNotContain("4,90 ");
    }

    @Test
    void aCardsAvailabilityFollowsTheStockOfEveryLocation() {
        ShopApi shop = ShopApi.open(port, "Jardin des stocks", true);
        String soils = shop.category("Terreaux", null);
        String soil = shop.product("Terreau universel", "TER-UNI", "8.90", "ACTIVE", soils, 30);
        String variant = shop.call().get("/api/v1/products/" + soil).then().statusCode(200).extract()
                .path("variants[0].id");
        String warehouse = shop.call().body(Map.of("name", "Entrepôt")).post("/api/v1/stocks/locations")
                .then().statusCode(201).extract().path("id");

        assertThat(cardAndProduct(shop, soils, soil)).containsExactly("IN_STOCK", "IN_STOCK");
        // From well above "only a few left" to 2: the card says so at once, as the product does.
        move(shop, variant, "ISSUE", 28, null);
        assertThat(cardAndProduct(shop, soils, soil)).containsExactly("LOW_STOCK", "LOW_STOCK");
        // 40 more in the warehouse: plenty again.
        move(shop, variant, "RECEIPT", 40, warehouse);
        assertThat(cardAndProduct(shop, soils, soil)).containsExactly("IN_STOCK", "IN_STOCK");
        // The warehouse down to 1: 2 in the shop and 1 there, only a few left over both.
        move(shop, variant, "ISSUE", 39, warehouse);
        assertThat(cardAndProduct(shop, soils, soil)).containsExactly("LOW_STOCK", "LOW_STOCK");
        // Both reserved by an order of the office: nothing left to sell anywhere.
        shop.call().body(Map.of("lines", List.of(Map.of("variantId", variant, "quantity", 2))))
                .post("/api/v1/stocks/reservations").then().statusCode(201);
        move(shop, variant, "ISSUE", 1, warehouse);
        assertThat(cardAndProduct(shop, soils, soil)).containsExactly("OUT_OF_STOCK", "OUT_OF_STOCK");
    }

    private static void move(ShopApi shop, String variant, String type, int quantity, String location) {
        Map<String, Object> movement = new java.util.LinkedHashMap<>();
        movement.put("variantId", variant);
        movement.put("type", type);
        movement.put("quantity", quantity);
        movement.put("locationId", location);
        shop.call().body(movement).post("/api/v1/stocks/movements").then().statusCode(201);
    }

    /** The product's availability on its card of the category's list, then on its own page's answer. */
    private List<String> cardAndProduct(ShopApi shop, String category, String product) {
        String card = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?category=" + category)
                .then().statusCode(200).extract().path("items.find { it.id == '" + product + "' }.availability");
        String own = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/" + product)
                .then().statusCode(200).extract().path("availability");
        return List.of(card, own);
    }

    @Test
    void aNewBusinessShopIsOffAndOpensOnceSwitchedOn() {
        ShopApi shop = ShopApi.closed(port, "Boutique fermée");

        get("/shop/" + shop.slug()).then().statusCode(404);
        Api.given(port).get("/api/v1/store/" + shop.slug()).then().spec(Api.problem(404, "not-found"));
        get("/shop/nobody-has-this-address").then().statusCode(404);

        shop.switchShop(true);
        get("/shop/" + shop.slug()).then().statusCode(200).body(containsString("data-shop-name"));
        Api.given(port).get("/api/v1/store/" + shop.slug()).then().statusCode(200)
                .body("slug", equalTo(shop.slug())).body("currency", equalTo("EUR"));

        // Switched off again: gone at once.
        shop.switchShop(false);
        get("/shop/" + shop.slug()).then().statusCode(404);
        Api.given(port).get("/api/v1/store/" + shop.slug() + "/products").then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void theShopShowsOnlyItsBusinessActiveProducts() {
        ShopApi shop = ShopApi.open(port, "Jardin isolé", true);
        String plants = shop.category("Plantes", null);
        String roses = shop.category("Rosiers", plants);
        String active = shop.product("Rosier grimpant Bonica", "ROS-BON", "24.90", "ACTIVE", roses, 10, "rosier", "parfumé");
        String draft = shop.product("Rosier brouillon secret", "ROS-DRA", "19.90", "DRAFT", roses, 5);
        String archived = shop.product("Rosier archivé ancien", "ROS-ARC", "19.90", "ARCHIVED", roses, 5);
        ShopApi other = ShopApi.open(port, "Autre jardin", true);
        String elsewhere = other.product("Rosier du voisin", "ROS-VOI", "9.90", "ACTIVE", null, 3);

        String home = get("/shop/" + shop.slug()).then().statusCode(200).extract().asString();
        assertThat(home).contains("Rosier grimpant Bonica", "data-category=\"Plantes\"")
                .doesNotContain("brouillon", "archivé", "Rosier du voisin", "Rosiers</span>");

        String category = get("/shop/" + shop.slug() + "/categories/" + plants).then().statusCode(200).extract().asString();
        assertThat(category).contains("Rosier grimpant Bonica", "data-category=\"Rosiers\"", "data-breadcrumbs")
                .doesNotContain("brouillon", "archivé", "voisin");

        // The search forgives a typo, and finds nothing of the draft or of the other business.
        String search = get("/shop/" + shop.slug() + "/search?q=rosierr").then().statusCode(200).extract().asString();
        assertThat(search).contains("Rosier grimpant Bonica").doesNotContain("brouillon", "archivé", "voisin");
        assertThat(get("/shop/" + shop.slug() + "/search?q=voisin").asString()).contains("data-list-empty");
        // Tags are facets of the list.
        assertThat(search).contains("data-tag=\"rosier\"");
        assertThat(get("/shop/" + shop.slug() + "/search?tag=rosier").asString()).contains("Rosier grimpant Bonica");

        get("/shop/" + shop.slug() + "/products/" + active).then().statusCode(200);
        for (String hidden : List.of(draft, archived, elsewhere)) {
            get("/shop/" + shop.slug() + "/products/" + hidden).then().statusCode(404);
            Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/" + hidden).then()
                    .spec(Api.problem(404, "not-found"));
        }
        JsonPath list = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?size=50").then().statusCode(200)
                .extract().jsonPath();
        assertThat(list.getList("items.name", String.class)).containsExactly("Rosier grimpant Bonica");
        assertThat(list.getLong("total")).isEqualTo(1);
        // Each product as a card: its price, availability and number of variants; the variants are on the product.
        assertThat(list.getString("items[0].priceFrom")).isEqualTo("24.9");
        assertThat(list.getString("items[0].availability")).isEqualTo("IN_STOCK");
        assertThat(list.getInt("items[0].variantCount")).isEqualTo(1);
        assertThat(list.getString("items[0].url")).endsWith("/products/" + active);
        assertThat(list.getMap("items[0]")).doesNotContainKeys("variants", "description");
        // The other business's shop shows its own product only.
        assertThat(Api.given(port).get("/api/v1/store/" + other.slug() + "/products").then().statusCode(200)
                .extract().jsonPath().getList("items.name", String.class)).containsExactly("Rosier du voisin");
    }

    @Test
    void optionValuesOfTheListAreFiltersThatCombineAndComeOffAgain() {
        ShopApi shop = ShopApi.open(port, "Jardin des options", true);
        shop.productWithVariants("Arrosoir Balcon", null, List.of(ShopApi.option("Couleur", "Vert", "Rouge")),
                List.of(ShopApi.variant("ARR-V", "12.90", Map.of("Couleur", "Vert"), 5),
                        ShopApi.variant("ARR-R", "12.90", Map.of("Couleur", "Rouge"), 5)));
        shop.productWithVariants("Pot Terrasse", null, List.of(ShopApi.option("Couleur", "Vert", "Gris"),
                        ShopApi.option("Taille", "S", "M")),
                List.of(ShopApi.variant("POT-VS", "9.90", Map.of("Couleur", "Vert", "Taille", "S"), 5),
                        ShopApi.variant("POT-GM", "14.90", Map.of("Couleur", "Gris", "Taille", "M"), 5)));
        shop.productWithVariants("Jardinière Lin", null, List.of(ShopApi.option("Couleur", "Vert", "Gris")),
                List.of(ShopApi.variant("JAR-V", "19.90", Map.of("Couleur", "Vert"), 5),
                        ShopApi.variant("JAR-G", "19.90", Map.of("Couleur", "Gris"), 5)));
        String base = "/shop/" + shop.slug() + "/search";

        // The list offers each option's values with how many of its products have them.
        String all = get(base).then().statusCode(200).extract().asString();
        assertThat(optionValues(all, "Couleur")).containsExactly("Vert 3", "Gris 2", "Rouge 1");

        // Choosing a colour keeps the products offering it; a size on top narrows further; choosing again removes it.
        String greyPage = get(optionLink(all, "Gris")).asString();
        assertThat(cards(greyPage)).containsExactlyInAnyOrder("Pot Terrasse", "Jardinière Lin");
        String narrowed = get(optionLink(greyPage, "M")).asString();
        assertThat(cards(narrowed)).containsExactly("Pot Terrasse");
        assertThat(activeValues(narrowed)).containsExactlyInAnyOrder("Gris", "M");
        String sizeOnly = get(optionLink(narrowed, "Gris")).asString();
        assertThat(cards(sizeOnly)).containsExactly("Pot Terrasse");
        assertThat(activeValues(sizeOnly)).containsExactly("M");

        // The store API takes the same filters; an unknown value is an empty list, a malformed one is left out.
        JsonPath api = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?option=Couleur:Vert&option=Taille:S")
                .then().statusCode(200).extract().jsonPath();
        assertThat(api.getList("items.name", String.class)).containsExactly("Pot Terrasse");
        assertThat(Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?option=Couleur:Violet").then()
                .statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(Api.given(port).get("/api/v1/store/" + shop.slug() + "/products?option=sans-deux-points").then()
                .statusCode(200).extract().jsonPath().getLong("total")).isEqualTo(3);
    }

    @Test
    void theProductPageOffersItsVariantsWithPricesVatBasisAvailabilityAndSchemaOrgData() {
        ShopApi shop = ShopApi.open(port, "Roseraie TTC", true);
        String id = shop.productWithVariants("Rosier Pierre de Ronsard", null,
                List.of(ShopApi.option("Conditionnement", "Racines nues", "Pot 4 L", "Pot 7 L")),
                List.of(ShopApi.variant("ROS-PDR-RAC", "14.90", Map.of("Conditionnement", "Racines nues"), 10),
                        ShopApi.variant("ROS-PDR-P4", "24.90", Map.of("Conditionnement", "Pot 4 L"), 2),
                        ShopApi.variant("ROS-PDR-P7", "34.90", Map.of("Conditionnement", "Pot 7 L"), 0)));

        String page = get("/shop/" + shop.slug() + "/products/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("ROS-PDR-RAC", "14,90", "TTC", "En stock", "Plus que 2", "Rupture de stock",
                        "data-option=\"Conditionnement\"", "name=\"variantId\"", "name=\"quantity\"",
                        "action=\"/shop/" + shop.slug() + "/cart/lines\"", "Ajouter au panier")
                .doesNotContain("1,11");
        // The first variant in stock is chosen; another is chosen by the address.
        assertThat(get("/shop/" + shop.slug() + "/products/" + id + "?variant="
                + variantId(shop, id, "ROS-PDR-P4")).asString()).contains("data-variant-sku>ROS-PDR-P4<");

        // SEO: title, description, canonical, hreflang twins, Open Graph and the schema.org Product with its offers.
        assertThat(page).contains("<title>Rosier Pierre de Ronsard · ",
                "<link rel=\"canonical\" href=\"http://localhost:" + port + "/shop/" + shop.slug() + "/products/" + id + "\">",
                "hreflang=\"en\" href=\"http://localhost:" + port + "/shop/" + shop.slug() + "/products/" + id + "?lang=en\"",
                "<meta property=\"og:type\" content=\"product\">", "<meta name=\"description\"");
        JsonPath product = JsonPath.from(jsonLd(page));
        assertThat(product.getString("'@type'")).isEqualTo("Product");
        assertThat(product.getString("name")).isEqualTo("Rosier Pierre de Ronsard");
        assertThat(product.getString("brand.name")).isEqualTo("Meilland");
        assertThat(product.getList("offers.sku")).containsExactly("ROS-PDR-RAC", "ROS-PDR-P4", "ROS-PDR-P7");
        assertThat(product.getList("offers.price")).containsExactly("14.90", "24.90", "34.90");
        assertThat(product.getList("offers.priceCurrency")).containsOnly("EUR");
        assertThat(product.getList("offers.availability")).containsExactly("https://schema.org/InStock",
                "https://schema.org/LimitedAvailability", "https://schema.org/OutOfStock");
        assertThat(product.getList("offers.priceSpecification.valueAddedTaxIncluded")).containsOnly(true);

        // In English, and for a business whose prices exclude VAT.
        String english = get("/shop/" + shop.slug() + "/products/" + id + "?lang=en").asString();
        assertThat(english).contains("In stock", "Only 2 left", "Out of stock", "Add to cart", "lang=\"en\"",
                "<link rel=\"canonical\" href=\"http://localhost:" + port + "/shop/" + shop.slug() + "/products/" + id + "?lang=en\">");
        ShopApi wholesale = ShopApi.open(port, "Roseraie HT", false);
        String ht = wholesale.product("Rosier HT", "ROS-HT", "10.00", "ACTIVE", null, 1);
        assertThat(get("/shop/" + wholesale.slug() + "/products/" + ht).asString()).contains(">HT<", "Plus que 1");

        // The store API says the same, without the cost.
        Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/" + id).then().statusCode(200)
                .body("variants.sku", equalTo(List.of("ROS-PDR-RAC", "ROS-PDR-P4", "ROS-PDR-P7")))
                .body("variants.availability", equalTo(List.of("IN_STOCK", "LOW_STOCK", "OUT_OF_STOCK")))
                .body("variants[1].left", equalTo(2))
                .body("variants[0].cost", nullValue())
                .body("priceFrom", equalTo(14.90f))
                .body("pricesIncludeVat", equalTo(true))
                .body("availability", equalTo("IN_STOCK"))
                .body("url", equalTo("http://localhost:" + port + "/shop/" + shop.slug() + "/products/" + id));
    }

    @Test
    void catalogPagesAreSentWithAnETagAnswered304AndChangeOnceTheCatalogChanges() {
        ShopApi shop = ShopApi.open(port, "Jardin en cache", true);
        String id = shop.product("Arrosoir galvanisé", "ARR-10", "29.90", "ACTIVE", null, 5);
        String other = shop.product("Sécateur de précision", "SEC-1", "19.90", "ACTIVE", null, 5);
        for (String path : List.of("", "/products/" + id, "/search?q=arrosoir", "/sitemap.xml")) {
            Response first = get("/shop/" + shop.slug() + path);
            first.then().statusCode(200).header("Cache-Control", containsString("public"))
                    .header("Cache-Control", containsString("max-age=60"));
            String etag = first.header("ETag");
            assertThat(etag).as(path).isNotBlank();
            get("/shop/" + shop.slug() + path, "If-None-Match", etag).then().statusCode(304);
        }
        Response api = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products");
        api.then().statusCode(200).header("Cache-Control", containsString("max-age=60"));
        Api.given(port).header("If-None-Match", api.header("ETag")).get("/api/v1/store/" + shop.slug() + "/products")
                .then().statusCode(304);

        // A product archived: the home page changes at once (a new ETag), and the product is gone.
        String home = get("/shop/" + shop.slug()).header("ETag");
        shop.call().body(Map.of("status", "ARCHIVED")).patch("/api/v1/products/" + other + "/status").then().statusCode(200);
        Response after = get("/shop/" + shop.slug(), "If-None-Match", home);
        after.then().statusCode(200);
        assertThat(after.header("ETag")).isNotEqualTo(home);
        assertThat(after.asString()).doesNotContain("Sécateur de précision");
        get("/shop/" + shop.slug() + "/products/" + other).then().statusCode(404);

        // The visitor's part of the header is never cached.
        get("/shop/" + shop.slug() + "/header").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).header("Cache-Control", containsString("private"))
                .header("ETag", nullValue()).body(containsString("Se connecter"));
        // Pictures of a product the shop does not sell are not found either.
        get("/shop/" + shop.slug() + "/products/" + other + "/images/" + id).then().statusCode(404);
    }

    @Test
    void pagesAreCompressedForClientsThatAcceptIt() throws Exception {
        ShopApi shop = ShopApi.open(port, "Jardin compressé", true);
        for (int i = 0; i < 5; i++) {
            shop.product("Pot en terre cuite " + i, "POT-" + i, "9.90", "ACTIVE", null, 5);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/shop/" + shop.slug())).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    @Test
    void theSitemapListsTheShopPagesAndRobotsTxtNamesTheSitemaps() {
        ShopApi shop = ShopApi.open(port, "Jardin indexé", true);
        String category = shop.category("Outils", null);
        String active = shop.product("Bêche forgée", "BEC-1", "39.90", "ACTIVE", category, 5);
        String draft = shop.product("Bêche cachée", "BEC-2", "39.90", "DRAFT", category, 5);
        String base = "http://localhost:" + port + "/shop/" + shop.slug();

        Response sitemap = get("/shop/" + shop.slug() + "/sitemap.xml");
        sitemap.then().statusCode(200).contentType(containsString("xml"));
        assertThat(sitemap.asString()).contains("<loc>" + base + "</loc>", "<loc>" + base + "/categories/" + category + "</loc>",
                "<loc>" + base + "/products/" + active + "</loc>", "hreflang=\"en\" href=\"" + base + "/products/" + active + "?lang=en\"")
                .doesNotContain(draft);

        String robots = get("/robots.txt").then().statusCode(200).extract().asString();
        assertThat(robots).contains("Allow: /shop/", "Disallow: /app", "Disallow: /api", "Disallow: /shop/*/cart",
                "Disallow: /shop/*/checkout", "Disallow: /shop/*/account",
                "Sitemap: http://localhost:" + port + "/shop/" + shop.slug() + "/sitemap.xml",
                "Sitemap: http://localhost:" + port + "/shop/jardin-des-lilas/sitemap.xml");
        ShopApi closed = ShopApi.closed(port, "Jardin pas ouvert");
        assertThat(robots).doesNotContain("/shop/" + closed.slug() + "/");
    }

    @Test
    void theStoreApiListsFiltersAndPagesProductsAndNamesTheFieldOfABadRequest() {
        ShopApi shop = ShopApi.open(port, "Jardin API", true);
        String tools = shop.category("Outils", null);
        String pots = shop.category("Pots", null);
        shop.product("Râteau", "RAT-1", "15.00", "ACTIVE", tools, 5, "outil");
        shop.product("Binette", "BIN-1", "22.00", "ACTIVE", tools, 5, "outil");
        shop.product("Pot Toscane", "POT-1", "45.00", "ACTIVE", pots, 5, "terre-cuite");
        String store = "/api/v1/store/" + shop.slug();

        Api.given(port).get(store).then().statusCode(200).body("name", not(nullValue()))
                .body("pricesIncludeVat", equalTo(true)).body("sitemap", containsString("/sitemap.xml"));
        Api.given(port).get(store + "/categories").then().statusCode(200)
                .body("name", equalTo(List.of("Outils", "Pots"))).body("productCount", equalTo(List.of(2, 1)));
        Api.given(port).get(store + "/products?category=" + tools + "&sort=price").then().statusCode(200)
                .body("items.name", equalTo(List.of("Râteau", "Binette"))).body("total", equalTo(2));
        Api.given(port).get(store + "/products?priceMin=20&priceMax=50&sort=-price").then().statusCode(200)
                .body("items.name", equalTo(List.of("Pot Toscane", "Binette")));
        Api.given(port).get(store + "/products?tag=terre-cuite").then().statusCode(200).body("items.name", equalTo(List.of("Pot Toscane")));
        Api.given(port).get(store + "/products?q=binnette").then().statusCode(200).body("items.name", hasItem("Binette"));
        Api.given(port).get(store + "/products?size=2&page=1&sort=name").then().statusCode(200)
                .body("items.name", equalTo(List.of("Râteau"))).body("total", equalTo(3)).body("page", equalTo(1))
                .body("size", equalTo(2));

        Api.given(port).get(store + "/products?size=0").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("size"));
        Api.given(port).get(store + "/products?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        Api.given(port).get(store + "/products?sort=cheapest").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        Api.given(port).get(store + "/products?priceMin=50&priceMax=10").then().statusCode(400)
                .body("errors[0].field", equalTo("priceMin"));
        Api.given(port).get(store + "/products/" + java.util.UUID.randomUUID()).then().spec(Api.problem(404, "not-found"));
    }

    /** The values an option offers on a list page, each with its count ("Vert 3"), in their order. */
    private static List<String> optionValues(String page, String option) {
        int start = page.indexOf("data-option=\"" + option + "\"");
        int end = page.indexOf("</div>", start);
        List<String> values = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "data-option-value=\"([^\"]*)\"[^>]*>\\s*<span>[^<]*</span>\\s*<span>(\\d+)</span>")
                .matcher(page.substring(start, end));
        while (m.find()) {
            values.add(m.group(1) + " " + m.group(2));
        }
        return values;
    }

    /** The address a list page's option value leads to. */
    private static String optionLink(String page, String value) {
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<a [^>]*>").matcher(page);
        while (tags.find()) {
            String tag = tags.group();
            if (tag.contains("data-option-value=\"" + value + "\"")) {
                java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(tag);
                assertThat(href.find()).isTrue();
                return href.group(1).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no link for the option value " + value);
    }

    /** The option values chosen on a list page (their links say so to assistive technologies). */
    private static List<String> activeValues(String page) {
        List<String> values = new java.util.ArrayList<>();
        java.util.regex.Matcher tags = java.util.regex.Pattern.compile("<a [^>]*>").matcher(page);
        while (tags.find()) {
            java.util.regex.Matcher value = java.util.regex.Pattern.compile("data-option-value=\"([^\"]*)\"")
                    .matcher(tags.group());
            if (value.find() && tags.group().contains("aria-current=\"true\"")) {
                values.add(value.group(1));
            }
        }
        return values;
    }

    /** The products of a list page's cards. */
    private static List<String> cards(String page) {
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<article [^>]*data-product=\"([^\"]*)\"").matcher(page);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private String variantId(ShopApi shop, String productId, String sku) {
        List<Map<String, Object>> variants = Api.given(port).get("/api/v1/store/" + shop.slug() + "/products/" + productId)
                .then().statusCode(200).extract().jsonPath().getList("variants");
        return variants.stream().filter(v -> sku.equals(v.get("sku"))).map(v -> (String) v.get("id")).findFirst().orElseThrow();
    }

    private static String jsonLd(String page) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a JSON-LD data block").isTrue();
        return m.group(1);
    }
}
