package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

@IntegrationTest
class TenantSettingsIT {

    @LocalServerPort
    int port;

    @Test
    void everyoneSignedInSeesTheirBusinessSettings() {
        Account admin = Api.newBusiness(port, "Réglages");
        Account viewer = Api.newUser(port, admin, "VIEWER");

        Api.as(port, viewer).get("/api/v1/tenant").then().statusCode(200)
                .body("id", equalTo(admin.tenantId().toString()))
                .body("slug", equalTo(admin.tenantSlug()))
                .body("currency", equalTo("EUR"))
                .body("locale", equalTo("fr"))
                .body("timezone", equalTo("Europe/Paris"))
                .body("enabledModules", hasSize(10)) // every module but the shop, which starts off, and inspections
                .body("demo", equalTo(false));
    }

    @Test
    void anAdministratorChangesTheSettings() {
        Account admin = Api.newBusiness(port, "Ancien nom");
        String slug = admin.tenantSlug() + "-neuf";
        Map<String, Object> settings = settings(slug);

        Api.as(port, admin).body(settings).put("/api/v1/tenant").then().statusCode(200)
                .body("name", equalTo("Nouveau nom"))
                .body("slug", equalTo(slug))
                .body("currency", equalTo("XOF"))
                .body("locale", equalTo("en"))
                .body("timezone", equalTo("Africa/Dakar"))
                .body("enabledModules", containsInAnyOrder("CATALOG", "SALES"));

        Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("enabledModules", containsInAnyOrder("CATALOG", "SALES"));
        Api.as(port, admin).get("/api/v1/auth/me").then().statusCode(200)
                .body("tenant.name", equalTo("Nouveau nom"))
                .body("tenant.currency", equalTo("XOF"));
    }

    @Test
    void aCurrencyTypedInLowerCaseIsAccepted() {
        Account admin = Api.newBusiness(port, "Minuscules");
        Map<String, Object> settings = settings(admin.tenantSlug());
        settings.put("currency", "xof");

        Api.as(port, admin).body(settings).put("/api/v1/tenant").then().statusCode(200)
                .body("currency", equalTo("XOF"));
    }

    @Test
    void aBusinessMaySwitchEveryModuleOff() {
        Account admin = Api.newBusiness(port, "Minimal");
        Map<String, Object> settings = settings(admin.tenantSlug());
        settings.put("enabledModules", List.of());

        Api.as(port, admin).body(settings).put("/api/v1/tenant").then().statusCode(200)
                .body("enabledModules", empty());
    }

    @Test
    void aNewBusinessEntersItsPricesIncludingVatUnlessItSaysOtherwise() {
        String shop = Api.signup(port, "Boutique TTC").then().statusCode(201).extract().path("accessToken");
        Api.as(port, shop).get("/api/v1/tenant").then().statusCode(200).body("pricesIncludeVat", equalTo(true));

        Account wholesaler = Api.newBusiness(port, "Grossiste HT", false);
        Api.as(port, wholesaler).get("/api/v1/tenant").then().statusCode(200).body("pricesIncludeVat", equalTo(false));
    }

    @Test
    void anAdministratorSwitchesBetweenPricesWithAndWithoutVatAndTheChangeIsAudited() {
        Account admin = Api.newBusiness(port, "Bascule TTC", false);
        Map<String, Object> settings = settings(admin.tenantSlug());
        settings.put("pricesIncludeVat", true);

        Api.as(port, admin).body(settings).put("/api/v1/tenant").then().statusCode(200)
                .body("pricesIncludeVat", equalTo(true));
        // A client that does not send the setting leaves it as it is.
        Api.as(port, admin).body(settings(admin.tenantSlug())).put("/api/v1/tenant").then().statusCode(200)
                .body("pricesIncludeVat", equalTo(true));
        Api.as(port, admin).get("/api/v1/audit?entityType=tenant&entityId=" + admin.tenantId()).then().statusCode(200)
                .body("items[-1].action", equalTo("CREATE"))
                .body("items.find { it.after?.pricesIncludeVat == true }.before.pricesIncludeVat", equalTo(false));
    }

    @Test
    void theSettingsPageOffersOnlyTheModulesThatAreBuiltAndNamesTheBookingPageLink() {
        Account admin = Api.newBusiness(port, "Modules bâtis");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        String page = web.get("/app/settings").body();

        assertThat(page).contains("value=\"CATALOG\"", "value=\"INVENTORY\"", "value=\"SALES\"", "value=\"REPORTING\"",
                        "value=\"PURCHASING\"", "value=\"BOOKINGS\"", "value=\"PAYMENTS\"",
                        "value=\"STOREFRONT\"", "value=\"CHANNELS\"", "value=\"INSPECTIONS\"", "Boutique en ligne")
                .doesNotContain("value=\"ASSISTANT\"")
                // The address is in the public booking page's link: the hint says so, and nothing about a shop yet.
                .contains("/book/" + admin.tenantSlug()).doesNotContain("/shop/")
                .contains("Prix TTC (TVA comprise)", "Prix HT (hors taxes)", "ne modifie ni vos prix ni les devis et commandes");

        // Saving the page keeps the modules it does not show as they were.
        web.post("/app/settings", Map.of("name", "Modules bâtis", "slug", admin.tenantSlug(), "currency", "EUR",
                "locale", "fr", "timezone", "Europe/Paris", "enabledModules", "SALES", "pricesIncludeVat", "true"));
        Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200)
                .body("pricesIncludeVat", equalTo(true))
                .body("enabledModules", containsInAnyOrder("SALES", "ASSISTANT", "NOTIFICATIONS"));
    }

    @Test
    void aNewBusinessShopStartsOffAndTheSettingsPageLinksToItOnceOn() {
        Account admin = Api.newBusiness(port, "Boutique à lancer");
        List<String> modules = Api.as(port, admin).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath()
                .getList("enabledModules", String.class);
        assertThat(modules).contains("CATALOG", "SALES").doesNotContain("STOREFRONT");
        WebSession web = new WebSession(port);
        web.signIn(admin.email(), admin.password());
        assertThat(web.get("/app/settings").body()).doesNotContain("data-shop-link", "Voir ma boutique");

        Map<String, Object> settings = settings(admin.tenantSlug());
        settings.put("currency", "EUR");
        settings.put("locale", "fr");
        settings.put("timezone", "Europe/Paris");
        settings.put("enabledModules", List.of("CATALOG", "SALES", "STOREFRONT"));
        Api.as(port, admin).body(settings).put("/api/v1/tenant").then().statusCode(200);

        assertThat(web.get("/app/settings").body()).contains("data-shop-link", "Voir ma boutique",
                "href=\"/shop/" + admin.tenantSlug() + "\"");
    }

    @Test
    void anAddressUsedByAnotherBusinessIsRefused() {
        Account admin = Api.newBusiness(port, "Adresse prise");
        Account other = Api.newBusiness(port, "Premier arrivé");

        Api.as(port, admin).body(settings(other.tenantSlug())).put("/api/v1/tenant")
                .then().spec(Api.problem(409, "slug-taken"));
        Api.as(port, admin).body(settings("jardin-des-lilas")).put("/api/v1/tenant")
                .then().spec(Api.problem(409, "slug-taken"));

        Api.as(port, admin).body(settings(admin.tenantSlug())).put("/api/v1/tenant").then().statusCode(200)
                .body("slug", equalTo(admin.tenantSlug()));
    }

    @Test
    void invalidSettingsAreRefusedFieldByField() {
        Account admin = Api.newBusiness(port, "Invalide");

        refused(admin, "timezone", "Mars/Olympus_Mons", "timezone");
        refused(admin, "currency", "JPY", "currency");
        refused(admin, "locale", "de", "locale");
        refused(admin, "slug", "Pas Une Adresse", "slug");
        refused(admin, "name", "X", "name");
        refused(admin, "timezone", "", "timezone");

        Map<String, Object> unknownModule = settings(admin.tenantSlug());
        unknownModule.put("enabledModules", List.of("CATALOG", "TELEPORTATION"));
        Api.as(port, admin).body(unknownModule).put("/api/v1/tenant").then().spec(Api.problem(400, "wrong-type"));

        Api.as(port, admin).get("/api/v1/tenant").then().body("currency", equalTo("EUR")).body("timezone", equalTo("Europe/Paris"));
    }

    @Test
    void onlyAdministratorsChangeTheSettings() {
        Account admin = Api.newBusiness(port, "Protégé");
        Account manager = Api.newUser(port, admin, "MANAGER");

        Api.as(port, manager).body(settings(admin.tenantSlug())).put("/api/v1/tenant")
                .then().spec(Api.problem(403, "forbidden"));

        Api.as(port, admin).get("/api/v1/tenant").then()
                .body("name", startsWith("Protégé"))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void anAdministratorAdjustsWhatEachRoleMayDoAndTheChangeIsAudited() {
        Account admin = Api.newBusiness(port, "Matrice");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Map<String, Object> customer = Map.of("kind", "PERSON", "name", "Rose Petit", "phone", "0611223344");
        Api.as(port, manager).body(customer).post("/api/v1/customers").then().statusCode(201);
        Api.as(port, admin).get("/api/v1/tenant").then().body("permissions.VIEWER", equalTo(List.of("READ")));

        // Managers no longer change customers (on every entry point); a manager cannot change the matrix.
        Map<String, Object> matrix = Map.of("MANAGER", List.of("READ", "ORDERS_WRITE"),
                "VIEWER", List.of("READ"), "ADMIN", List.of());
        Api.as(port, manager).body(matrix).put("/api/v1/tenant/permissions").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, admin).body(matrix).put("/api/v1/tenant/permissions").then().statusCode(200)
                .body("permissions.MANAGER", containsInAnyOrder("READ", "ORDERS_WRITE"))
                .body("permissions.DRIVER", empty())
                .body("permissions.ADMIN", hasSize(app.comptoir.platform.Permission.values().length));

        Api.as(port, manager).body(customer).post("/api/v1/customers").then().spec(Api.problem(403, "forbidden"));
        Api.as(port, admin).body(customer).post("/api/v1/customers").then().statusCode(201);
        Api.as(port, admin).get("/api/v1/audit?entityType=tenant&entityId=" + admin.tenantId()).then().statusCode(200)
                .body("items.action", equalTo(List.of("UPDATE", "CREATE")));
    }

    @Test
    void aSettingsChangeIsInTheAuditTrail() {
        Account admin = Api.newBusiness(port, "Audité");

        Api.as(port, admin).body(settings(admin.tenantSlug())).put("/api/v1/tenant").then().statusCode(200);

        Api.as(port, admin).get("/api/v1/audit?entityType=tenant&entityId=" + admin.tenantId()).then().statusCode(200)
                .body("items.action", equalTo(List.of("UPDATE", "CREATE")))
                .body("items[0].actor", equalTo(admin.email()))
                .body("items[0].before.currency", equalTo("EUR"))
                .body("items[0].after.currency", equalTo("XOF"))
                .body("items[0].after.name", equalTo("Nouveau nom"));
    }

    private void refused(Account admin, String field, String value, String expectedField) {
        Map<String, Object> settings = settings(admin.tenantSlug());
        settings.put(field, value);
        Api.as(port, admin).body(settings).put("/api/v1/tenant")
                .then().spec(Api.problem(400, "validation"))
                .body("errors.field", containsInAnyOrder(expectedField));
    }

    private static Map<String, Object> settings(String slug) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", "Nouveau nom");
        settings.put("slug", slug);
        settings.put("currency", "XOF");
        settings.put("locale", "en");
        settings.put("timezone", "Africa/Dakar");
        settings.put("enabledModules", List.of("SALES", "CATALOG"));
        return settings;
    }
}
