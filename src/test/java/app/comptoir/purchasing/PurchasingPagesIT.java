package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

@IntegrationTest
class PurchasingPagesIT {

    @LocalServerPort
    int port;

    @Test
    void aShopkeeperKeepsASupplierOrdersFromItAndReceivesTheGoodsFromThePages() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        String variant = shop.product("Ampoule LED", "LED-P1", "6.00", "2.00");
        WebSession web = new WebSession(port);
        web.signIn(shop.admin.email(), shop.admin.password());

        assertThat(web.get("/app/purchasing/suppliers").body()).contains("data-empty-state", "Aucun fournisseur");
        assertThat(web.get("/app/purchasing/orders").body()).contains("data-empty-state", "Achats");
        assertThat(web.post("/app/purchasing/suppliers/new", Map.of("name", " ")).body()).contains("is-invalid");

        WebSession.Page created = web.post("/app/purchasing/suppliers/new", Map.of("name", "Électro Dakar",
                "phone", "+221 77 123 45 67", "address", "Rue 10", "city", "Dakar"));
        assertThat(created.status()).isEqualTo(302);
        String supplierPath = java.net.URI.create(created.location().orElseThrow()).getPath();
        String supplierId = supplierPath.substring(supplierPath.lastIndexOf('/') + 1);
        assertThat(web.get("/app/purchasing/suppliers").body()).contains("Électro Dakar", "tel:+221 77 123 45 67",
                "https://wa.me/221771234567", "https://www.openstreetmap.org/search?query=Rue+10%2C+Dakar");

        assertThat(web.post(supplierPath + "/variants", Map.of("sku", "NOPE", "cost", "1")).body())
                .contains("is-invalid");
        assertThat(web.post(supplierPath + "/variants", Map.of("sku", "LED-P1", "cost", "1,80", "preferred", "true"))
                .status()).isEqualTo(302);
        assertThat(web.get(supplierPath).body()).contains("LED-P1", "data-preferred");
        web.post(supplierPath + "/favourite", Map.of("favourite", "true"));
        assertThat(web.get("/app/purchasing/suppliers?favourite=true").body()).contains("Électro Dakar");

        WebSession.Page order = web.post("/app/purchasing/orders/new", Map.of("supplierId", supplierId));
        assertThat(order.status()).isEqualTo(302);
        String orderPath = java.net.URI.create(order.location().orElseThrow()).getPath();
        assertThat(web.get(orderPath).body()).contains("data-no-lines");
        assertThat(web.get(orderPath + "/picker?q=LED-P1").body()).contains("LED-P1");
        assertThat(web.post(orderPath + "/lines/add", Map.of("variantId", variant, "quantity", "5")).status())
                .isEqualTo(302);
        String draft = web.get(orderPath).body();
        assertThat(draft).contains("Ampoule LED", "data-picker", "data-act=\"SENT\"", "1,80");

        web.post(orderPath + "/send", Map.of());
        String sent = web.get(orderPath).body();
        assertThat(sent).contains("data-receipt-form", "value=\"5\"", "data-act=\"CONFIRMED\"");
        String lineId = shop.call().get("/api/v1/purchase-orders/" + orderPath.substring(orderPath.lastIndexOf('/') + 1))
                .then().extract().path("lines[0].id");
        String receiptId = UUID.randomUUID().toString();
        web.post(orderPath + "/receipts", Map.of("receiptId", receiptId, "lineId", lineId, "quantity", "2"));
        assertThat(web.get(orderPath).body()).contains("data-flash");
        web.post(orderPath + "/receipts", Map.of("receiptId", receiptId, "lineId", lineId, "quantity", "2"));
        web.get(orderPath);
        assertThat(shop.onHand(variant)).as("a form sent twice records one receipt").isEqualTo(2);
        web.post(orderPath + "/receipts", Map.of("lineId", lineId, "quantity", "9"));
        assertThat(web.get(orderPath).body()).contains("data-purchasing-error");
        assertThat(shop.onHand(variant)).isEqualTo(2);

        assertThat(web.get(orderPath + "/pdf").status()).isEqualTo(200);
        assertThat(web.get("/app/purchasing/orders?status=SENT").body()).contains("ACH-");
        assertThat(web.get("/app/purchasing/settings").body()).contains("WEIGHTED_AVERAGE");
        assertThat(web.post("/app/purchasing/settings", Map.of("costMethod", "LAST", "reminderDays", "abc")).body())
                .contains("is-invalid");
        assertThat(web.post("/app/purchasing/settings", Map.of("costMethod", "LAST", "reminderDays", "5")).status())
                .isEqualTo(302);
        shop.call().get("/api/v1/purchasing/settings").then().statusCode(200);
    }

    @Test
    void aViewerReadsThePagesWithoutTheButtonsToBuy() {
        PurchasingApi shop = PurchasingApi.newShop(port);
        shop.supplier("Grossiste Lecteur");
        Account viewer = Api.newUser(port, shop.admin, "VIEWER");
        WebSession web = new WebSession(port);
        web.signIn(viewer.email(), viewer.password());

        String list = web.get("/app/purchasing/suppliers").body();
        assertThat(list).contains("Grossiste Lecteur").doesNotContain("data-new=\"suppliers\"");
        assertThat(web.get("/app/purchasing/orders").body()).doesNotContain("data-new=\"orders\"");
        assertThat(web.get("/app/purchasing/orders/new").status()).isEqualTo(403);
        assertThat(web.get("/app/purchasing/settings").status()).isEqualTo(403);
    }
}
