package app.comptoir.purchasing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The neighbourhood shopkeeper's purchasing day, on a laptop (1280 × 860, French): the coffee is out of stock, the
 * alert's "Commander" makes the draft for its preferred supplier, a wholesaler registered on Comptoir; the
 * shopkeeper sends it, the wholesaler (signed in at the same time, in its own browser) accepts, ships and delivers
 * it, and the shopkeeper receives the goods: the shelf is stocked again and the alert is gone.
 */
@IntegrationTest
class PurchasingBrowserIT {

    private static final String SKU = "CAFE-250";

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void anOutOfStockAlertBecomesAnOrderTheRegisteredSupplierDeliversAndTheReceiptStocksTheShelfAgain() {
        String wholesalerName = "Grossiste Lumière " + UUID.randomUUID().toString().substring(0, 8);
        Account wholesaler = MarketplaceIT.newSupplier(port, wholesalerName, "EUR");
        MarketplaceIT.profile(port, wholesaler, wholesalerName, "Lyon", List.of("Épicerie"), "0");
        String coffeeItem = MarketplaceIT.addProduct(port, wholesaler, "Café moulu 250 g", "Épicerie", "3.20", 6);
        PurchasingApi shop = PurchasingApi.newShop(port, "Épicerie du quartier");
        String coffee = shop.product("Café moulu 250 g", SKU, "5.50", null);
        // Reorder at 4 or fewer, 12 at a time.
        shop.call().body(Map.of("reorderPoint", 4, "reorderQuantity", 12)).put("/api/v1/stocks/" + coffee)
                .then().statusCode(200);
        String supplierId = lastMonthsOrderFromTheMarketplace(shop, wholesaler, coffeeItem, coffee);
        // The wholesaler is the coffee's preferred supplier, in cartons of 6.
        shop.call().body(Map.of("variantId", coffee, "cost", "3.20", "packSize", 6, "minQuantity", 6, "preferred", true))
                .post("/api/v1/suppliers/" + supplierId + "/variants").then().statusCode(201);
        // Everything sold: out of stock.
        shop.call().body(Map.of("variantId", coffee, "type", "ISSUE", "quantity", 12)).post("/api/v1/stocks/movements")
                .then().statusCode(201);
        int onHandBefore = shop.onHand(coffee);
        org.assertj.core.api.Assertions.assertThat(onHandBefore).isZero();

        // The shopkeeper sees the alert and orders from it.
        signIn(page, shop.admin);
        page.navigate("/app/inventory/stock/alerts");
        Locator alert = page.locator("[data-alert-group='OUT_OF_STOCK'] [data-alert-sku='" + SKU + "']");
        assertThat(page.locator("[data-alert-group='OUT_OF_STOCK'] h2")).hasText("Rupture de stock");
        assertThat(alert).containsText("Café moulu 250 g");
        assertThat(alert).containsText("Critique");
        alert.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Commander")).click();
        page.waitForURL(Pattern.compile(".*/app/purchasing/reorder\\?variant=" + coffee + "$"));
        assertThat(page.locator("h1")).hasText("Réapprovisionner");
        Locator suggestion = page.locator("[data-reorder-form] [data-supplier='" + wholesalerName + "']");
        assertThat(suggestion.locator("h2")).hasText(wholesalerName);
        // Suggested 12 (the reorder quantity), already 2 cartons of 6: 12 to order at the wholesaler's 3,20 €.
        assertThat(suggestion.locator("tr[data-sku='" + SKU + "'] [data-quantity]")).hasText("12");
        assertThat(suggestion.locator("tr[data-sku='" + SKU + "']")).containsText("3,20");
        browsers.screenshot("purchasing-reorder-from-alert");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer les commandes")).click();

        // One supplier: its draft opens directly.
        page.waitForURL(Pattern.compile(".*/app/purchasing/orders/[0-9a-f-]{36}$"));
        String orderPath = java.net.URI.create(page.url()).getPath();
        String orderId = orderPath.substring(orderPath.lastIndexOf('/') + 1);
        Locator status = page.locator("h1 [data-status]");
        assertThat(status).hasText("Brouillon");
        String number = page.locator("h1 .font-monospace").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(number).startsWith("ACH-");
        assertThat(page.locator("[data-flash]")).containsText("Commandes créées en brouillon : " + number);
        assertThat(page.getByText("Inscrit sur Comptoir")).isVisible();
        assertThat(page.locator("[data-line='" + SKU + "'] input[name=quantity]")).hasValue("12");
        assertThat(page.locator("[data-total]")).containsText("38,40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer au fournisseur")).click();
        assertThat(page.locator("[data-flash]")).containsText("Commande envoyée au fournisseur.");
        assertThat(status).hasText("Envoyée");
        // A registered supplier confirms and ships it itself: the buyer has no such buttons.
        assertThat(page.locator("[data-act='CONFIRMED']")).hasCount(0);

        // The wholesaler, in its own browser, finds the order among its received orders and moves it along.
        Page supplierPage = browsers.anotherPage();
        signIn(supplierPage, wholesaler);
        supplierPage.navigate("/app/supplier/orders");
        assertThat(supplierPage.locator("h1")).hasText("Commandes reçues");
        Locator received = supplierPage.locator("tr[data-order='" + number + "']");
        assertThat(received).containsText("Épicerie du quartier");
        assertThat(received).containsText("Envoyée");
        assertThat(received).containsText("38,40 EUR");
        received.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(number)).click();
        supplierPage.waitForURL(Pattern.compile(".*/app/supplier/orders/" + orderId + "$"));
        // Its top bar says where it is: on "Commandes reçues", not also on the dashboard above it.
        assertThat(supplierPage.locator("[data-navigation] [aria-current=page]")).hasCount(1);
        assertThat(supplierPage.locator("[data-navigation] [aria-current=page]")).hasText("Commandes reçues");
        assertThat(supplierPage.locator("tbody tr")).containsText("Café moulu 250 g");
        assertThat(supplierPage.locator("tbody tr td").nth(1)).hasText("12");
        Locator supplierStatus = supplierPage.locator("[data-status]");
        assertThat(supplierStatus).hasText("Envoyée");
        browsers.screenshot(supplierPage, "purchasing-supplier-received-order");
        for (String[] move : List.of(new String[] {"Accepter", "Confirmée"}, new String[] {"Marquer expédiée", "Expédiée"},
                new String[] {"Marquer livrée", "Livrée"})) {
            supplierPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(move[0]).setExact(true)).click();
            assertThat(supplierStatus).hasText(move[1]);
            assertThat(supplierPage.locator("[data-flash]")).containsText("Commande mise à jour.");
        }
        assertThat(supplierPage.locator("[data-actions] button")).hasCount(0);

        // The shopkeeper sees it delivered, and receives the goods into stock.
        page.reload();
        assertThat(status).hasText("Livrée");
        assertThat(page.locator("[data-history] [data-step='SHIPPED']")).containsText("Par le fournisseur");
        Locator receipt = page.locator("[data-receipt-form]");
        assertThat(receipt.locator("h2")).hasText("Réceptionner la marchandise");
        assertThat(receipt).containsText("12 à recevoir");
        Locator quantity = receipt.getByLabel(Pattern.compile("Café moulu 250 g"));
        assertThat(quantity).hasValue("12");
        int receivedQuantity = Integer.parseInt(quantity.inputValue());
        browsers.screenshot("purchasing-receive-goods");
        receipt.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Enregistrer la réception")).click();
        assertThat(page.locator("[data-flash]")).containsText("Réception enregistrée : le stock est à jour.");
        assertThat(status).hasText("Livrée");
        assertThat(page.locator("[data-line='" + SKU + "']")).containsText("12 / 12 reçus");
        assertThat(page.locator("[data-receipts]")).containsText("12 unités reçues");
        assertThat(page.locator("[data-receipt-form]")).hasCount(0);

        // The shelf is stocked again by exactly what arrived, and the alert is resolved.
        page.navigate("/app/inventory/stock/variants/" + coffee);
        assertThat(page.locator("[data-on-hand]")).hasText(String.valueOf(onHandBefore + receivedQuantity));
        org.assertj.core.api.Assertions.assertThat(shop.onHand(coffee)).isEqualTo(onHandBefore + receivedQuantity);
        page.navigate("/app/inventory/stock/alerts");
        assertThat(page.locator("[data-empty-state]")).containsText("Aucune alerte en cours.");
        assertThat(page.locator("[data-alert-sku='" + SKU + "']")).hasCount(0);
    }

    /**
     * Last month the shopkeeper found the wholesaler on the marketplace and ordered 12 coffees from it (which made
     * the wholesaler one of the shop's suppliers), received and sold them. Returns the shop's supplier record.
     */
    private String lastMonthsOrderFromTheMarketplace(PurchasingApi shop, Account wholesaler, String item, String variant) {
        io.restassured.path.json.JsonPath order = shop.call()
                .body(Map.of("lines", List.of(Map.of("productId", item, "quantity", 12, "variantId", variant))))
                .post("/api/v1/marketplace/suppliers/" + wholesaler.tenantId() + "/orders")
                .then().statusCode(201).extract().jsonPath();
        String id = order.getString("id");
        shop.act(id, "send");
        for (String move : List.of("accept", "ship", "deliver")) {
            Api.as(port, wholesaler).post("/api/v1/supplier/orders/" + id + "/" + move).then().statusCode(200);
        }
        shop.call().body(PurchasingApi.receipt(order.getString("lines[0].id"), 12))
                .post("/api/v1/purchase-orders/" + id + "/receipts").then().statusCode(201);
        return order.getString("supplierId");
    }

    private static void signIn(Page page, Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
