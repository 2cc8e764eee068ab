package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** Issue #12, item 15: a deleted draft order leaves every list and lookup, and comes back as it was. */
@IntegrationTest
class OrderRestoreIT {

    @LocalServerPort
    int port;

    @Test
    void aDeletedDraftIsInvisibleAndItsRestoreBringsItBackWithItsNumberBothActsAudited() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-R", "10.00", 20, 10);
        JsonPath draft = shop.order(pot, 2);
        String id = draft.getString("id");
        String number = draft.getString("number");

        shop.call().delete("/api/v1/orders/" + id).then().statusCode(204);

        shop.call().get("/api/v1/orders/" + id).then().spec(Api.problem(404, "not-found"));
        shop.call().get("/api/v1/orders/by-number/" + number).then().spec(Api.problem(404, "not-found"));
        shop.call().get("/api/v1/orders").then().body("total", equalTo(0));
        shop.call().get("/api/v1/orders?q=" + number).then().body("total", equalTo(0));
        shop.call().get("/api/v1/orders/statuses").then().body("find { it.status == 'DRAFT' }.count", equalTo(0));
        shop.call().delete("/api/v1/orders/" + id).then().spec(Api.problem(404, "not-found"));
        shop.call().body(Map.of("notes", "x")).put("/api/v1/orders/" + id).then().spec(Api.problem(404, "not-found"));
        shop.call().get("/api/v1/orders/deleted").then().statusCode(200)
                .body("id", contains(id)).body("number", contains(number));

        // Numbers are never reused: the next order takes the following one.
        String next = shop.order(pot, 1).getString("number");
        assertThat(next).isNotEqualTo(number);

        shop.call().post("/api/v1/orders/" + id + "/restore").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("number", equalTo(number)).body("lines", hasSize(1))
                .body("lines[0].quantity", equalTo(2));
        shop.call().get("/api/v1/orders/" + id).then().statusCode(200);
        shop.call().get("/api/v1/orders?q=" + number).then().body("total", equalTo(1));
        shop.call().get("/api/v1/orders/deleted").then().body("id", hasSize(0));
        shop.call().post("/api/v1/orders/" + id + "/restore").then().spec(Api.problem(404, "not-found"));
        // A restored draft is a draft like any other.
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);

        shop.call().get("/api/v1/audit?entityType=order&entityId=" + id).then().statusCode(200)
                .body("items.action", hasItem("DELETE")).body("items.action", hasItem("RESTORE"));
    }

    @Test
    void aViewerCannotRestoreAndAnotherBusinessDoesNotFindTheDeletedOrder() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-V", "10.00", 20, 10);
        String id = shop.order(pot, 1).getString("id");
        shop.call().delete("/api/v1/orders/" + id).then().statusCode(204);
        shop.as(shop.user("VIEWER")).post("/api/v1/orders/" + id + "/restore").then().statusCode(403);
        SalesApi.newShop(port).call().post("/api/v1/orders/" + id + "/restore").then().spec(Api.problem(404, "not-found"));
    }

    @Test
    void theDeletedTabListsTheDraftAndItsRestoreButtonBringsItBack() {
        SalesApi shop = SalesApi.newShop(port);
        String pot = shop.stocked("Pot", "POT-W", "10.00", 20, 10);
        JsonPath draft = shop.order(pot, 1);
        String id = draft.getString("id");
        WebSession browser = new WebSession(port);
        browser.signIn(shop.admin.email(), shop.admin.password());

        assertThat(browser.get("/app/sales/orders").body()).contains("data-status-tab=\"DELETED\"");
        assertThat(browser.post("/app/sales/orders/" + id + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/app/sales/orders").body()).doesNotContain("/app/sales/orders/" + id + "\"");
        Page deleted = browser.get("/app/sales/orders/deleted");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).contains(draft.getString("number"), "data-restore-order");

        Page restored = browser.post("/app/sales/orders/" + id + "/restore", Map.of());
        assertThat(restored.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/sales/orders/" + id));
        assertThat(browser.get("/app/sales/orders").body()).contains("/app/sales/orders/" + id + "\"");
    }
}
