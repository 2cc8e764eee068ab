package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** The sales pages over HTTP: each renders for the roles that use it, forms answer next to their fields. */
@IntegrationTest
class SalesPagesIT {

    @LocalServerPort
    int port;

    @Test
    void everySalesPageRendersForTheOfficeTeam() {
        SalesShop shop = SalesShop.open(port);
        String pot = shop.product("Pot en terre cuite", "POT-PAGES", 10);
        String customer = shop.customer("Lucie Bernard", "06 12 34 56 78");
        WebSession web = shop.web;
        SalesShop.act(web, "/app/sales/customers/" + customer + "/addresses", Map.of("label", "Maison", "line1", "12 rue des Lilas",
                "postalCode", "69003", "city", "Lyon", "country", "FR"));

        assertThat(web.get("/app/sales").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/sales/orders"));
        assertThat(web.get("/app/sales/customers").body()).contains("Lucie Bernard", "06 12 34 56 78", "1 client");
        assertThat(web.get("/app/sales/customers?q=zzz").body()).contains("data-empty-state", "Aucun client ne correspond");
        assertThat(web.get("/app/sales/customers/" + customer).body())
                .contains("12 rue des Lilas", "Livraison par défaut", "Facturation par défaut", "Pas encore de commande");

        web.get("/app/sales/quotes/new?customer=" + customer);
        String quote = SalesShop.idIn(web.post("/app/sales/quotes/new", Map.of("customerId", customer)));
        assertThat(web.get("/app/sales/quotes/" + quote + "/picker?q=POT-PAGES").body())
                .contains("Pot en terre cuite", "data-picker-sku=\"POT-PAGES\"");
        assertThat(web.get("/app/sales/quotes/" + quote + "/picker?q=terre%20cuite").body()).contains("POT-PAGES");
        SalesShop.act(web, "/app/sales/quotes/" + quote + "/lines", Map.of("variantId", pot, "quantity", "2"));
        // 2 × 12,50 = 25,00 excluding VAT, 5,00 VAT, 30,00 in all.
        assertThat(web.get("/app/sales/quotes/" + quote).body()).contains("DEV-", "Brouillon", "POT-PAGES", "25,00",
                "30,00", "Marquer envoyé", "Transformer en commande");
        assertThat(web.get("/app/sales/quotes/" + quote + "/print").body()).contains("Devis", "Lucie Bernard", "30,00",
                "TVA 20 %");
        assertThat(web.get("/app/sales/quotes").body()).contains("DEV-", "Lucie Bernard");

        String order = SalesShop.idIn(web.post("/app/sales/quotes/" + quote + "/convert", Map.of()));
        String orderPage = web.get("/app/sales/orders/" + order).body();
        assertThat(orderPage).contains("CMD-", "Brouillon", "POT-PAGES", "12 rue des Lilas", "/app/sales/quotes/" + quote,
                "data-action=\"CONFIRMED\"", "data-action=\"CANCELLED\"")
                .doesNotContain("data-action=\"DELIVERED\"");
        assertThat(web.get("/app/sales/orders").body()).contains("CMD-", "Lucie Bernard", "data-status-tab=\"DRAFT\"");
        assertThat(web.get("/app/sales/orders?status=DRAFT&q=Lucie").body()).contains("1 commande");
        assertThat(web.get("/app/sales/orders?status=DELIVERED").body()).contains("data-empty-state");
        assertThat(web.get("/app/sales/customers/" + customer).body()).contains("CMD-");
        assertThat(web.get("/app/sales/orders/new").body()).contains("Client de passage");
        assertThat(web.get("/app/sales/orders?lang=en").body()).contains("Orders", "Draft", "New order");
    }

    @Test
    void theOrderWorkflowShowsOnlyTheNextStepsAndItsTimeline() {
        SalesShop shop = SalesShop.open(port);
        String hose = shop.product("Tuyau tressé 25 m", "TUY-PAGES", 5);
        String order = shop.walkInOrder("Marc Petit", "07 11 22 33 44");
        WebSession web = shop.web;
        web.get("/app/sales/orders/" + order);
        SalesShop.act(web, "/app/sales/orders/" + order + "/lines", Map.of("variantId", hose, "quantity", "2"));

        String confirmed = SalesShop.act(web, "/app/sales/orders/" + order + "/confirm", Map.of());
        assertThat(confirmed).contains("Commande confirmée", "data-action=\"PREPARING\"", "data-action=\"CANCELLED\"")
                .doesNotContain("data-action=\"CONFIRMED\"", "data-action=\"OUT_FOR_DELIVERY\"");
        assertThat(confirmed).contains("data-step=\"CONFIRMED\" data-done=\"true\"", "data-step=\"DELIVERED\" data-done=\"false\"");

        // A step the workflow does not allow now is refused with an explanation, not an error page.
        Page skipped = web.post("/app/sales/orders/" + order + "/status", Map.of("status", "DELIVERED"));
        assertThat(skipped.status()).isEqualTo(302);
        assertThat(web.get("/app/sales/orders/" + order).body()).contains("data-sales-conflict",
                "pas possible depuis l&#39;état actuel");

        SalesShop.act(web, "/app/sales/orders/" + order + "/cancel", Map.of());
        String cancelled = web.get("/app/sales/orders/" + order).body();
        assertThat(cancelled).contains("Annulée", "data-step=\"CANCELLED\"").doesNotContain("data-order-actions");
    }

    @Test
    void confirmingWithoutEnoughStockNamesTheShortLinesAndWhatIsAvailable() {
        SalesShop shop = SalesShop.open(port);
        String rake = shop.product("Râteau à feuilles", "RAT-SHORT", 2);
        String spade = shop.product("Bêche", "BEC-PLENTY", 9);
        String order = shop.walkInOrder("Nadia Lopez", "06 00 00 00 01");
        WebSession web = shop.web;
        web.get("/app/sales/orders/" + order);
        SalesShop.act(web, "/app/sales/orders/" + order + "/lines", Map.of("variantId", rake, "quantity", "5"));
        SalesShop.act(web, "/app/sales/orders/" + order + "/lines", Map.of("variantId", spade, "quantity", "1"));

        String page = SalesShop.act(web, "/app/sales/orders/" + order + "/confirm", Map.of());
        assertThat(page).contains("data-shortages", "data-shortage-sku=\"RAT-SHORT\"",
                "Râteau à feuilles (RAT-SHORT) : 5 demandé(s), 2 disponible(s)").doesNotContain("data-shortage-sku=\"BEC-PLENTY\"");
        assertThat(page).contains("Brouillon", "data-action=\"CONFIRMED\"");
    }

    @Test
    void formErrorsComeBackNextToTheirFields() {
        SalesShop shop = SalesShop.open(port);
        WebSession web = shop.web;

        web.get("/app/sales/customers/new");
        Page customer = web.post("/app/sales/customers/new", Map.of("kind", "PERSON", "name", " ", "email", "pas-une-adresse"));
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body()).contains("id=\"name-error\"", "Obligatoire.");

        Page walkIn = web.post("/app/sales/orders/new", Map.of("name", "", "phone", "06 12"));
        assertThat(walkIn.body()).contains("id=\"name-error\"", "Obligatoire.");

        String id = shop.customer("Paul Girard", "");
        Page address = web.post("/app/sales/customers/" + id + "/addresses", Map.of("line1", "", "city", "Lyon"));
        assertThat(address.body()).contains("id=\"line1-error\"", "Obligatoire.");

        Page fee = web.post("/app/sales/orders/new", Map.of("name", "Léa", "deliveryFee", "douze"));
        assertThat(fee.body()).contains("id=\"deliveryFee-error\"", "Valeur non valable.");

        String pot = shop.product("Pot", "POT-ERR", 0);
        web.get("/app/sales/quotes/new");
        String quote = SalesShop.idIn(web.post("/app/sales/quotes/new", Map.of("name", "Léa", "phone", "0600000000")));
        SalesShop.act(web, "/app/sales/quotes/" + quote + "/lines", Map.of("variantId", pot, "quantity", "1"));
        Page zero = web.post("/app/sales/quotes/" + quote, Map.of("lines[0].variantId", pot, "lines[0].quantity", "0",
                "lines[0].unitPrice", "12,50", "lines[0].discount", "0"), "HX-Request", "true");
        assertThat(zero.body()).contains("id=\"quote-editor\"", "is-invalid", "Entre 1 et 100 000.", "data-unsaved")
                .doesNotContain("<html");
        Page live = web.post("/app/sales/quotes/" + quote, Map.of("lines[0].variantId", pot, "lines[0].quantity", "3",
                "lines[0].unitPrice", "10", "lines[0].discount", "10"), "HX-Request", "true");
        // 3 × 10,00 − 10 % = 27,00 excluding VAT, 32,40 in all.
        assertThat(live.body()).contains("27,00", "32,40").doesNotContain("data-unsaved");
    }

    @Test
    void aViewerReadsTheSalesButChangesNothing() {
        SalesShop shop = SalesShop.open(port);
        String customer = shop.customer("Hélène Roux", "0611223344");
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());

        assertThat(web.get("/app/sales/customers").body()).contains("Hélène Roux").doesNotContain("data-new=\"customers\"");
        assertThat(web.get("/app/sales/orders").body()).doesNotContain("data-new=\"orders\"");
        assertThat(web.get("/app/sales/customers/" + customer).body()).doesNotContain("data-save-customer",
                "data-delete-customer", "id=\"address-form\"");
        assertThat(web.post("/app/sales/customers/new", Map.of("name", "Intrus")).status()).isEqualTo(403);
        assertThat(web.post("/app/sales/customers/" + customer + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(web.get("/app/sales/orders/new").status()).isEqualTo(403);
        assertThat(web.get("/app/sales/deliveries").status()).isEqualTo(403);
    }

    @Test
    void aViewerCannotMoveAnOrderThroughTheWebScreensAndTheStockDoesNotMove() {
        SalesShop shop = SalesShop.open(port);
        String seeds = shop.product("Graines de persil", "GRA-VIEW", 10);
        String order = shop.walkInOrder("Paul Girard", "06 22 33 44 55");
        shop.web.get("/app/sales/orders/" + order);
        SalesShop.act(shop.web, "/app/sales/orders/" + order + "/lines", Map.of("variantId", seeds, "quantity", "1"));
        SalesShop.act(shop.web, "/app/sales/orders/" + order + "/confirm", Map.of());
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());
        assertThat(web.get("/app/sales/orders/" + order).body()).doesNotContain("data-action=\"PREPARING\"");

        for (String status : new String[] {"PREPARING", "OUT_FOR_DELIVERY", "DELIVERED"}) {
            assertThat(web.post("/app/sales/orders/" + order + "/status", Map.of("status", status)).status())
                    .as(status).isEqualTo(403);
        }
        Api.as(port, shop.admin).get("/api/v1/orders/" + order).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFIRMED"));
        Api.as(port, shop.admin).get("/api/v1/stocks/movements?variantId=" + seeds + "&type=SALE").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aDriverSeesOnlyTheOrdersAssignedToThem() {
        SalesShop shop = SalesShop.open(port);
        String seeds = shop.product("Graines de radis", "GRA-DRV", 10);
        Account driver = Api.newUser(port, shop.admin, "DRIVER");
        Account other = Api.newUser(port, shop.admin, "DRIVER");
        String mine = shop.walkInOrder("Inès Martin", "06 98 76 54 32");
        String theirs = shop.walkInOrder("Yves Colin", "06 11 11 11 11");
        WebSession office = shop.web;
        for (String order : new String[] {mine, theirs}) {
            office.get("/app/sales/orders/" + order);
            SalesShop.act(office, "/app/sales/orders/" + order + "/lines", Map.of("variantId", seeds, "quantity", "1"));
            SalesShop.act(office, "/app/sales/orders/" + order + "/confirm", Map.of());
            SalesShop.act(office, "/app/sales/orders/" + order + "/status", Map.of("status", "PREPARING"));
        }
        SalesShop.act(office, "/app/sales/orders/" + mine + "/driver", Map.of("driver", driver.userId().toString()));
        SalesShop.act(office, "/app/sales/orders/" + theirs + "/driver", Map.of("driver", other.userId().toString()));
        assertThat(SalesShop.act(office, "/app/sales/orders/" + theirs + "/driver", Map.of("driver", "not-an-id")))
                .contains("data-sales-conflict", "pas valable");

        WebSession web = new WebSession(port);
        web.signIn(driver.email(), driver.password());
        String deliveries = web.get("/app/sales/deliveries").body();
        assertThat(deliveries).contains("Mes livraisons", "Inès Martin", "href=\"tel:06 98 76 54 32\"",
                "data-action=\"OUT_FOR_DELIVERY\"").doesNotContain("Yves Colin");
        assertThat(web.get("/app/sales/orders/" + theirs).status()).isEqualTo(404);
        assertThat(web.get("/app/sales/orders").status()).isEqualTo(403);
        assertThat(web.get("/app/sales/customers").status()).isEqualTo(403);
        assertThat(web.get("/app/sales/orders/" + mine).body()).contains("Inès Martin")
                .doesNotContain("data-action=\"CANCELLED\"", "data-driver-form");

        SalesShop.act(web, "/app/sales/orders/" + mine + "/status", Map.of("status", "OUT_FOR_DELIVERY", "back", "deliveries"));
        SalesShop.act(web, "/app/sales/orders/" + mine + "/status", Map.of("status", "DELIVERED", "back", "deliveries"));
        assertThat(web.get("/app/sales/orders/" + mine).body()).contains("Livrée");
        assertThat(web.get("/app/sales/deliveries").body()).contains("data-empty-state");
    }
}
