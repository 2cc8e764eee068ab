package app.comptoir.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import app.comptoir.channels.application.PublicationJobs;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * A listing prepared from a second-hand product through the business's mapping tables and pricing rule, published
 * to the local fake Vinted: the request carries the mapped ids and the computed price; a value without a mapping is
 * a field error and nothing is sent; mappings belong to one business; a viewer reads them and changes nothing.
 */
@IntegrationTest
class ChannelMappingIT {

    @LocalServerPort
    int port;

    @Autowired
    PublicationJobs jobs;

    private final FakeVinted vinted = FakeVinted.shared();

    private String category(Account admin, String name) {
        return Api.as(port, admin).body(Map.of("name", name)).post("/api/v1/categories").then().statusCode(201)
                .extract().path("id");
    }

    /** A one-off item with its second-hand attributes and a "Couleur" option; returns its variant's id. */
    private String jacket(Account admin, String categoryId, String sku, String colour) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Veste en jean Levi's - Taille M");
        body.put("description", "Veste en jean délavé, coupe droite.");
        body.put("brand", "Levi's");
        body.put("categoryId", categoryId);
        body.put("vatRate", 20);
        body.put("status", "ACTIVE");
        body.put("options", List.of(Map.of("name", "Couleur", "values", List.of(colour))));
        body.put("variants", List.of(Map.of("sku", sku, "price", new BigDecimal("24.50"),
                "options", Map.of("Couleur", colour))));
        body.put("secondHand", Map.of("condition", "VERY_GOOD", "size", "M", "material", "coton"));
        return Api.as(port, admin).body(body).post("/api/v1/products").then().statusCode(201)
                .body("secondHand.condition", equalTo("VERY_GOOD"))
                .body("secondHand.size", equalTo("M"))
                .body("secondHand.material", equalTo("coton"))
                .extract().path("variants[0].id");
    }

    private void map(Account who, String kind, List<Map<String, Object>> rows, int status) {
        Api.as(port, who).body(Map.of("rows", rows)).put("/api/v1/channels/mappings/" + kind).then().statusCode(status);
    }

    private static Map<String, Object> row(String value, long id) {
        return Map.of("value", value, "marketplaceId", id);
    }

    @Test
    void aListingPreparedFromTheProductCarriesTheMappedIdsAndTheComputedPriceToVinted() {
        Account admin = Api.newBusiness(port, "Friperie correspondances");
        FakeVinted.Login login = vinted.login("corresp.one");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String jackets = category(admin, "Vestes");
        String variant = jacket(admin, jackets, "VESTE-1", "Bleu");

        map(admin, "category", List.of(row(jackets, 1907)), 200);
        map(admin, "brand", List.of(row("Levi's", 10)), 200);
        map(admin, "size", List.of(Map.of("value", "M", "scope", jackets, "marketplaceId", 4)), 200);
        Api.as(port, admin).body(Map.of("markupPercent", 10, "markupFixed", 0, "rounding", "NINETY", "minimum", 5))
                .put("/api/v1/channels/pricing").then().statusCode(200).body("rounding", equalTo("NINETY"));
        // Conditions and colours have built-in defaults: "very good" is Vinted's status 2, "Bleu" its colour 9.
        Api.as(port, admin).get("/api/v1/channels/mappings/condition").then().statusCode(200)
                .body("rows.find { it.value == 'VERY_GOOD' }.marketplaceId", equalTo(2))
                .body("rows.find { it.value == 'VERY_GOOD' }.builtIn", equalTo(true));
        Api.as(port, admin).get("/api/v1/channels/mappings/category").then().statusCode(200)
                .body("rows[0].valueLabel", equalTo("Vestes"));

        String listing = Api.as(port, admin).body(Map.of("accountId", account, "variantId", variant))
                .post("/api/v1/channels/listings").then().statusCode(201)
                .body("title", equalTo("Veste en jean Levi's"))
                .body("description", equalTo("Veste en jean délavé, coupe droite."))
                .body("price", equalTo(27.90f))
                .body("catalogId", equalTo(1907)).body("statusId", equalTo(2)).body("sizeId", equalTo(4))
                .body("brand", equalTo("Levi's")).body("brandId", equalTo(10))
                .body("colorIds", equalTo(List.of(9)))
                .extract().path("id");
        ChannelsTesting.publish(port, admin, UUID.fromString(listing));
        jobs.runDue(admin.tenantId());

        FakeVinted.Call publish = vinted.calls(login).stream()
                .filter(c -> c.method().equals("POST") && c.path().equals("/api/v2/item_upload/items"))
                .findFirst().orElseThrow();
        JsonNode item = publish.json().path("item");
        assertThat(item.path("title").asString()).isEqualTo("Veste en jean Levi's");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("27.90");
        assertThat(item.path("catalog_id").asLong()).isEqualTo(1907);
        assertThat(item.path("status_id").asLong()).isEqualTo(2);
        assertThat(item.path("size_id").asLong()).isEqualTo(4);
        assertThat(item.path("brand_id").asLong()).isEqualTo(10);
        assertThat(item.path("color_ids").get(0).asLong()).isEqualTo(9);
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().body("listing.state",
                equalTo("PUBLISHED"));
    }

    @Test
    void aValueWithoutAMappingIsAFieldErrorAndNothingIsSent() {
        Account admin = Api.newBusiness(port, "Friperie sans correspondance");
        FakeVinted.Login login = vinted.login("corresp.none");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String jackets = category(admin, "Vestes");
        String variant = jacket(admin, jackets, "VESTE-2", "Fuchsia");

        // The preparation shows the same errors beside the fields it could fill, and stores nothing.
        Api.as(port, admin).header("Accept-Language", "fr").body(Map.of("accountId", account, "variantId", variant))
                .post("/api/v1/channels/listings/prepare").then().statusCode(200)
                .body("fields.title", equalTo("Veste en jean Levi's")).body("fields.statusId", equalTo(2))
                .body("fields.price", equalTo(24.50f))
                .body("errors.field", hasItems("catalogId", "sizeId", "colorIds"));
        Api.as(port, admin).header("Accept-Language", "fr").body(Map.of("accountId", account, "variantId", variant))
                .post("/api/v1/channels/listings").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("catalogId", "sizeId", "colorIds"))
                .body("errors.field", not(hasItem("statusId")))
                .body("errors.find { it.field == 'catalogId' }.message",
                        equalTo("catégorie « Vestes » sans correspondance Vinted : ajoutez-la dans Correspondances"))
                .body("errors.find { it.field == 'colorIds' }.message",
                        equalTo("couleur « Fuchsia » sans correspondance Vinted : ajoutez-la dans Correspondances"));
        Api.as(port, admin).get("/api/v1/channels/listings").then().body("total", equalTo(0));
        assertThat(vinted.calls(login)).noneMatch(c -> c.method().equals("POST"));

        // The user may still fill the fields by hand.
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("accountId", account);
        typed.put("variantId", variant);
        typed.put("catalogId", 1907);
        typed.put("sizeId", 207);
        typed.put("colorIds", List.of(5));
        typed.put("price", "30");
        Api.as(port, admin).body(typed).post("/api/v1/channels/listings").then().statusCode(201)
                .body("catalogId", equalTo(1907)).body("price", equalTo(30))
                .body("statusId", equalTo(2)).body("title", equalTo("Veste en jean Levi's"))
                .body("description", equalTo("Veste en jean délavé, coupe droite."));

        // A product without a description of its own gets the assistant's (its built-in writer here).
        String bare = Api.as(port, admin).body(Map.of("name", "Pull marin rayé", "vatRate", 20, "variants",
                        List.of(Map.of("sku", "PULL-M", "price", 15)), "secondHand", Map.of("condition", "GOOD")))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        String text = Api.as(port, admin).body(Map.of("accountId", account, "variantId", bare, "catalogId", 12))
                .post("/api/v1/channels/listings").then().statusCode(201)
                .body("statusId", equalTo(3)).extract().path("description");
        assertThat(text).contains("Envoi rapide et soigné."); // the built-in writer's closing for Vinted
    }

    @Test
    void wrongRowsAreFieldErrorsMappingsBelongToOneBusinessAndAViewerChangesNothing() {
        Account a = Api.newBusiness(port, "Friperie A correspondances");
        Account b = Api.newBusiness(port, "Friperie B correspondances");
        map(a, "brand", List.of(row("Sézane", 123)), 200);
        Api.as(port, a).body(Map.of("rows", List.of(Map.of("value", "", "marketplaceId", 0),
                        Map.of("value", "LIKE_NEW", "marketplaceId", 6))))
                .put("/api/v1/channels/mappings/condition").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("rows[0].value", "rows[0].marketplaceId", "rows[1].value"));
        Api.as(port, a).body(Map.of("rows", List.of(row(UUID.randomUUID().toString(), 4))))
                .put("/api/v1/channels/mappings/category").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("rows[0].value"));
        Api.as(port, a).get("/api/v1/channels/mappings/nothing").then().statusCode(404);
        Api.as(port, a).body(Map.of("markupPercent", 900, "rounding", "WHOLE", "minimum", -2))
                .put("/api/v1/channels/pricing").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("markupPercent", "minimum"));

        Api.as(port, b).get("/api/v1/channels/mappings/brand").then().statusCode(200)
                .body("rows.value", not(hasItem("Sézane")));
        Api.as(port, a).get("/api/v1/channels/mappings/brand").then().statusCode(200)
                .body("rows.value", hasItem("Sézane"));

        Account viewer = Api.newUser(port, a, "VIEWER");
        Api.as(port, viewer).get("/api/v1/channels/mappings/brand").then().statusCode(200)
                .body("rows.value", hasItem("Sézane"));
        Api.as(port, viewer).body(Map.of("rows", List.of())).put("/api/v1/channels/mappings/brand").then()
                .statusCode(403);
        Api.as(port, viewer).body(Map.of("markupPercent", 5)).put("/api/v1/channels/pricing").then().statusCode(403);
        Api.as(port, a).get("/api/v1/channels/mappings/brand").then().body("rows.value", hasItem("Sézane"));
    }

    @Test
    void aSecondHandAttributeOutOfItsListIsAFieldErrorOfTheProduct() {
        Account admin = Api.newBusiness(port, "Friperie attributs");
        Api.as(port, admin).body(Map.of("name", "Pull", "vatRate", 20, "variants",
                        List.of(Map.of("sku", "PULL-1", "price", 10)),
                        "secondHand", Map.of("condition", "comme neuf", "size", "x".repeat(41))))
                .post("/api/v1/products").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("secondHand.condition", "secondHand.size"));
        String id = Api.as(port, admin).body(Map.of("name", "Pull", "vatRate", 20, "variants",
                        List.of(Map.of("sku", "PULL-2", "price", 10))))
                .post("/api/v1/products").then().statusCode(201)
                .body("secondHand.condition", equalTo(null)).extract().path("id");
        Map<String, Object> product = Api.as(port, admin).get("/api/v1/products/" + id).then().extract().jsonPath()
                .getMap("");
        product.put("secondHand", Map.of("condition", "good", "size", "L", "material", "laine"));
        Api.as(port, admin).body(product).put("/api/v1/products/" + id).then().statusCode(200)
                .body("secondHand.condition", equalTo("GOOD")).body("secondHand.material", equalTo("laine"));
    }

    @Test
    void theMappingsPageAddsChangesAndRemovesRowsWithErrorsNextToTheField() {
        Account admin = Api.newBusiness(port, "Friperie page correspondances");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        WebSession.Page page = web.get("/app/channels/mappings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Correspondances Vinted", "Très bon état", "Bleu marine");

        WebSession.Page wrong = web.post("/app/channels/mappings/brand", Map.of("value", "Sézane", "marketplaceId", "abc"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("Un identifiant Vinted : un nombre entier positif.", "is-invalid", "Sézane");

        assertThat(web.post("/app/channels/mappings/brand", Map.of("value", "Sézane", "marketplaceId", "123")).status())
                .isEqualTo(302);
        Api.as(port, admin).get("/api/v1/channels/mappings/brand").then()
                .body("rows.find { it.value == 'Sézane' }.marketplaceId", equalTo(123));
        web.post("/app/channels/mappings/brand", Map.of("value", "sézane", "marketplaceId", "321"));
        Api.as(port, admin).get("/api/v1/channels/mappings/brand").then().body("rows.size()", equalTo(1))
                .body("rows[0].marketplaceId", equalTo(321));
        web.post("/app/channels/mappings/brand/delete", Map.of("value", "Sézane", "scope", ""));
        Api.as(port, admin).get("/api/v1/channels/mappings/brand").then().body("rows.size()", equalTo(0));

        WebSession.Page badRule = web.post("/app/channels/mappings/pricing",
                Map.of("markupPercent", "900", "markupFixed", "0", "rounding", "WHOLE", "minimum", ""));
        assertThat(badRule.body()).contains("Un pourcentage de -90 à 500");
        web.post("/app/channels/mappings/pricing",
                Map.of("markupPercent", "12,5", "markupFixed", "0", "rounding", "WHOLE", "minimum", "3"));
        Api.as(port, admin).get("/api/v1/channels/pricing").then().body("markupPercent", equalTo(12.5f))
                .body("rounding", equalTo("WHOLE"));
    }

    @Test
    void theSecondHandDemoShopHasItsAttributesItsMappingsAndAPricingRule() {
        String manager = Api.token(port, "manager@seconde-main.demo", Api.DEMO_PASSWORD);
        Api.as(port, manager).get("/api/v1/products?q=robe fleurie").then().statusCode(200)
                .body("items.find { it.name == 'Robe fleurie Sézane taille 38' }.secondHand.condition",
                        equalTo("VERY_GOOD"))
                .body("items.find { it.name == 'Robe fleurie Sézane taille 38' }.secondHand.size", equalTo("38"))
                .body("items.find { it.name == 'Robe fleurie Sézane taille 38' }.secondHand.material",
                        equalTo("viscose"));
        Api.as(port, manager).get("/api/v1/channels/mappings/category").then().statusCode(200)
                .body("rows.size()", equalTo(9)).body("rows.valueLabel", hasItems("Femme › Robes", "Chaussures"));
        Api.as(port, manager).get("/api/v1/channels/mappings/brand").then()
                .body("rows.find { it.value == 'Levi\\'s' }.marketplaceId", equalTo(10));
        Api.as(port, manager).get("/api/v1/channels/pricing").then()
                .body("rounding", equalTo("NINETY")).body("markupPercent", equalTo(5.0f));
    }

    @Test
    void theNewListingFormShowsTheFieldsAsTheyWillBeSentWithTheirErrorsBeforeAnythingIsSaved() {
        Account admin = Api.newBusiness(port, "Friperie du formulaire");
        UUID account = ChannelsTesting.connectedAccount(port, admin, vinted.login("form.prepared"));
        String jackets = category(admin, "Vestes");
        String variant = jacket(admin, jackets, "VESTE-F1", "Bleu");
        map(admin, "category", List.of(row(jackets, 1907)), 200);
        map(admin, "brand", List.of(row("Levi's", 10)), 200);
        Api.as(port, admin).body(Map.of("markupPercent", 10, "markupFixed", 0, "rounding", "NINETY"))
                .put("/api/v1/channels/pricing").then().statusCode(200);
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());

        // From the item's catalog page: the title without the size, the price after the rule, the mapped ids, and the
        // size without a mapping marked next to its field with what to do.
        String form = web.get("/app/channels/listings/new?variant=" + variant).body();
        assertThat(form).contains("value=\"Veste en jean Levi&#39;s\"", "Veste en jean délavé, coupe droite.")
                .containsPattern("id=\"f-price\"[^>]*value=\"27.90\"")
                .containsPattern("id=\"f-catalogId\"[^>]*value=\"1907\"")
                .containsPattern("id=\"f-statusId\"[^>]*value=\"2\"")
                .containsPattern("id=\"f-brandId\"[^>]*value=\"10\"")
                .containsPattern("id=\"f-colorIds\"[^>]*value=\"9\"")
                .containsPattern("id=\"f-sizeId\"[^>]*is-invalid")
                .contains("taille « M » sans correspondance Vinted : ajoutez-la dans Correspondances")
                .doesNotContainPattern("id=\"f-title\"[^>]*is-invalid")
                .contains("data-photos", "Aucune photo");
        Api.as(port, admin).get("/api/v1/channels/listings").then().body("total", equalTo(0));

        // By its SKU, with the size's id typed: prepared again, nothing wrong, still nothing saved.
        WebSession.Page prepared = web.post("/app/channels/listings", Map.of("accountId", account.toString(),
                "sku", "VESTE-F1", "sizeId", "4", "action", "prepare"));
        assertThat(prepared.status()).isEqualTo(200);
        assertThat(prepared.body()).doesNotContain("data-form-errors", "is-invalid")
                .containsPattern("id=\"f-sizeId\"[^>]*value=\"4\"")
                .containsPattern("id=\"f-price\"[^>]*value=\"27.90\"");
        Api.as(port, admin).get("/api/v1/channels/listings").then().body("total", equalTo(0));

        // A price typed over the prepared one wins when the draft is saved.
        WebSession.Page saved = web.post("/app/channels/listings", Map.of("accountId", account.toString(),
                "variantId", variant, "sizeId", "4", "price", "31"));
        assertThat(saved.location()).hasValueSatisfying(l -> assertThat(l).contains("/app/channels/listings/"));
        Api.as(port, admin).get("/api/v1/channels/listings").then().body("total", equalTo(1))
                .body("items[0].price", equalTo(31.0f)).body("items[0].sizeId", equalTo(4))
                .body("items[0].catalogId", equalTo(1907)).body("items[0].title", equalTo("Veste en jean Levi's"));
    }

    @Test
    void anUpdatesFieldsAreTypedOnTheListingsPageWithErrorsNextToThemAndReachVinted() {
        Account admin = Api.newBusiness(port, "Friperie des mises à jour");
        FakeVinted.Login login = vinted.login("form.update");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String jackets = category(admin, "Vestes");
        String variant = jacket(admin, jackets, "VESTE-U1", "Bleu");
        map(admin, "category", List.of(row(jackets, 1907)), 200);
        map(admin, "size", List.of(row("M", 4)), 200);
        String listing = Api.as(port, admin).body(Map.of("accountId", account, "variantId", variant))
                .post("/api/v1/channels/listings").then().statusCode(201).extract().path("id");
        ChannelsTesting.publish(port, admin, UUID.fromString(listing));
        jobs.runDue(admin.tenantId());
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());

        // The form shows what an update would send now, prefilled.
        String page = web.get("/app/channels/listings/" + listing).body();
        assertThat(page).contains("data-update-form", "value=\"Veste en jean Levi&#39;s\"")
                .containsPattern("id=\"u-price\"[^>]*value=\"24.50\"")
                .containsPattern("id=\"u-sizeId\"[^>]*value=\"4\"");

        // Wrong fields come back next to them as typed; nothing is queued.
        WebSession.Page wrong = web.post("/app/channels/listings/" + listing + "/update", Map.of("fields", "1",
                "title", "Abc", "price", "douze", "catalogId", "1907", "statusId", "2"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-form-errors", "value=\"Abc\"", "value=\"douze\"")
                .containsPattern("id=\"u-price\"[^>]*is-invalid")
                .containsPattern("<details[^>]*open[^>]*data-update-form|<details[^>]*data-update-form[^>]*open");
        WebSession.Page shortTitle = web.post("/app/channels/listings/" + listing + "/update", Map.of("fields", "1",
                "title", "Abc", "price", "30", "catalogId", "1907", "statusId", "2"));
        assertThat(shortTitle.body()).containsPattern("id=\"u-title\"[^>]*is-invalid")
                .doesNotContainPattern("id=\"u-price\"[^>]*is-invalid");
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("jobs.findAll { it.kind == 'UPDATE' }.size()", equalTo(0));

        // Right fields: an update job, and Vinted receives what was typed.
        WebSession.Page sent = web.post("/app/channels/listings/" + listing + "/update", Map.of("fields", "1",
                "title", "Veste Levi's bleue délavée", "description", "Très peu portée.", "price", "30",
                "catalogId", "1907", "statusId", "3", "sizeId", "4", "colorIds", "9"));
        assertThat(sent.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/channels/listings/" + listing));
        jobs.runDue(admin.tenantId());
        FakeVinted.Call update = vinted.calls(login).stream()
                .filter(c -> c.method().equals("PUT") && c.path().startsWith("/api/v2/item_upload/items/"))
                .reduce((a, b) -> b).orElseThrow();
        JsonNode item = update.json().path("item");
        assertThat(item.path("title").asString()).isEqualTo("Veste Levi's bleue délavée");
        assertThat(item.path("description").asString()).isEqualTo("Très peu portée.");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("30");
        assertThat(item.path("status_id").asLong()).isEqualTo(3);
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.title", equalTo("Veste Levi's bleue délavée"))
                .body("jobs.find { it.kind == 'UPDATE' }.state", equalTo("SUCCEEDED"));
    }
}
