package app.comptoir.inventory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The shop floor (/app/floor) in Debian's headless chromium at phone size, with the network switched off by the test:
 * work recorded offline survives a reload without network and reaches the server's journal once, at the time it was
 * done, by the person who did it; two devices selling the same last units meet a conflict the second one settles.
 */
@IntegrationTest
class FloorBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(412, 915);

    @LocalServerPort
    int port;

    @Test
    void workRecordedOfflineSurvivesAReloadAndReachesTheJournalOnceAtItsOriginalTime() {
        InventoryApi shop = InventoryApi.newShop(port);
        String can = shop.product("Arrosoir galvanisé 10 L", "ARR-10");
        String pot = shop.product("Pot Toscane 30 cm", "POT-30");
        String seeds = shop.product("Graines de radis", "RAD-01");
        shop.receive(can, 20);
        shop.receive(pot, 20);
        shop.receive(seeds, 20);
        String stockroom = shop.call().body(Map.of("name", "Réserve")).post("/api/v1/stocks/locations").then()
                .statusCode(201).extract().path("id");

        Page page = browsers.page();
        Browsers.signIn(page, shop.admin.email(), shop.admin.password());
        openFloor(page);
        assertThat(page.locator("[data-floor-catalog]")).hasText("3 articles sur cet appareil");

        page.context().setOffline(true);
        Instant offlineFrom = Instant.now();
        assertThat(page.locator("[data-floor-offline]")).isVisible();
        assertThat(page.locator("[data-floor-network]")).hasText("Hors ligne");

        // 1. a typo still finds the watering can: 5 come in
        find(page, "arosoir");
        move(page, "Entrée", "5", null);
        // 2. two pots broken
        find(page, "POT-30");
        page.locator("label[for=floor-action-exit]").click();
        page.locator("#floor-quantity").fill("2");
        page.locator("#floor-reason").selectOption("Casse");
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-flash]")).containsText("Sortie · Pot Toscane 30 cm · −2");
        // 3. seeds to the stockroom
        find(page, "radis");
        page.locator("label[for=floor-action-transfer]").click();
        page.locator("#floor-quantity").fill("3");
        page.locator("#floor-to").selectOption("Réserve");
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-flash]")).containsText("Transfert · Graines de radis · +3 · Boutique → Réserve");
        // 4. and 5. by barcode-less SKU and by name
        find(page, "ARR-10");
        move(page, "Entrée", "1", null);
        find(page, "graines");
        page.locator("label[for=floor-action-exit]").click();
        page.locator("#floor-quantity").fill("0");
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("#floor-quantity-error")).hasText("Indiquez une quantité entière supérieure à 0.");
        page.locator("#floor-quantity").fill("1");
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("#floor-reason-error")).hasText("Choisissez un motif.");
        page.locator("#floor-reason").selectOption("Échantillon");
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-queue]")).hasText("5 actions en attente");

        // a count at the shop: the pots on the shelf
        page.locator("[data-floor-tab=count]").click();
        page.locator("[data-floor-count-code]").fill("POT-30");
        page.locator("[data-floor-count-qty]").fill("15");
        page.locator("[data-floor-count-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-counted-line]")).hasCount(1);
        page.onceDialog(dialog -> dialog.accept());
        page.locator("[data-floor-count-validate]").click();
        assertThat(page.locator("[data-floor-flash]")).hasText("1 comptages enregistrés.");
        assertThat(page.locator("[data-floor-queue]")).hasText("6 actions en attente");
        // the device shows what it will send: 20 + 5 + 1 watering cans
        page.locator("[data-floor-tab=search]").click();
        find(page, "ARR-10");
        assertThat(page.locator("[data-floor-item] [data-floor-level] [data-floor-available]").first()).hasText("26");

        // reload without network: the service worker serves the page, the queue is still there
        page.reload();
        assertThat(page.locator("#floor")).hasAttribute("data-ready", "true");
        assertThat(page.locator("[data-floor-queue]")).hasText("6 actions en attente");
        assertThat(page.locator("[data-floor-offline]")).isVisible();
        page.locator("[data-floor-tab=journal]").click();
        assertThat(page.locator("[data-floor-queued]")).hasCount(6);
        List<String> ids = page.locator("[data-floor-queued]").all().stream()
                .map(item -> item.getAttribute("data-floor-queued")).toList();
        assertThat(shop.stock(can).getInt("onHand")).as("nothing reached the server yet").isEqualTo(20);

        Instant backOnline = Instant.now();
        page.context().setOffline(false);
        assertThat(page.locator("[data-floor-queue]")).hasText("Rien en attente");
        assertThat(page.locator("[data-floor-sent]")).hasCount(6);
        assertThat(page.locator("[data-floor-offline]")).isHidden();

        // the server: each action once, at the time it was recorded offline, by the shopkeeper
        JsonPath journal = shop.call().queryParam("size", 100).get("/api/v1/stocks/movements").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> offline = journal.<Map<String, Object>>getList("items").stream()
                .filter(m -> ids.contains((String) m.get("id"))).toList();
        assertThat(offline).extracting(m -> m.get("type"))
                .containsExactlyInAnyOrder("RECEIPT", "ISSUE", "TRANSFER", "RECEIPT", "ISSUE", "ADJUSTMENT");
        assertThat(offline).allSatisfy(m -> {
            Instant at = Instant.parse((String) m.get("occurredAt"));
            assertThat(at).as("the time it was done on the device").isAfterOrEqualTo(offlineFrom.minusMillis(1))
                    .isBefore(backOnline);
            assertThat(m.get("actorId")).isEqualTo(shop.admin.userId().toString());
        });
        assertThat(journal.getList("items.id").stream().filter(ids::contains).count()).isEqualTo(6);
        assertThat(shop.stock(can).getInt("onHand")).isEqualTo(26);
        assertThat(shop.stock(pot).getInt("onHand")).as("counted 15 after the two broken").isEqualTo(15);
        JsonPath seedsStock = shop.stock(seeds);
        assertThat(seedsStock.getInt("onHand")).isEqualTo(19);
        assertThat(seedsStock.getList("levels", Map.class).stream()
                .filter(l -> stockroom.equals(l.get("locationId"))).map(l -> l.get("onHand")).toList())
                .containsExactly(3);

        // sending again changes nothing
        page.locator("[data-floor-sync]").click();
        assertThat(page.locator("#floor")).hasAttribute("data-sync-state", "ok");
        assertThat(shop.call().queryParam("size", 100).get("/api/v1/stocks/movements").then().extract().jsonPath()
                .getList("items.id").stream().filter(ids::contains).count()).isEqualTo(6);
        browsers.screenshot("floor-journal");
    }

    @Test
    void twoDevicesSellingTheLastUnitsOfflineMeetAConflictTheSecondOneSettles() {
        InventoryApi shop = InventoryApi.newShop(port);
        String compost = shop.product("Sac de terreau 40 L", "TER-40");
        shop.receive(compost, 5);
        JsonPath spade = shop.call().body(Map.of("name", "Bêche forgée", "vatRate", 20,
                "variants", List.of(Map.of("sku", "BEC-01", "price", 39)))).post("/api/v1/products").then()
                .statusCode(201).extract().jsonPath();
        Account manager = Api.newUser(port, shop.admin, "MANAGER");

        Page first = browsers.page();
        Browsers.signIn(first, shop.admin.email(), shop.admin.password());
        openFloor(first);
        Page second = browsers.anotherPage();
        Browsers.signIn(second, manager.email(), manager.password());
        openFloor(second);

        first.context().setOffline(true);
        second.context().setOffline(true);
        find(first, "terreau");
        exit(first, "4", "Perte ou vol");
        find(second, "terreau");
        assertThat(second.locator("[data-floor-item] [data-floor-available]").first()).hasText("5");
        exit(second, "3", "Casse");
        // and a delivery of spades, a product the owner deletes meanwhile
        find(second, "bêche");
        move(second, "Entrée", "2", null);
        shop.call().delete("/api/v1/products/" + spade.getString("id")).then().statusCode(204);

        first.context().setOffline(false);
        assertThat(first.locator("[data-floor-queue]")).hasText("Rien en attente");
        second.context().setOffline(false);
        assertThat(second.locator("[data-floor-conflict]")).hasCount(2);
        assertThat(second.locator("[data-floor-conflict]").first())
                .containsText("Stock insuffisant sur le serveur : 3 demandé(s), 1 disponible(s).");
        assertThat(second.locator("[data-floor-conflict]").last())
                .containsText("Cet article n'existe plus ou a été archivé entre-temps.");
        assertThat(second.locator("[data-floor-queue]")).hasText("Rien en attente");
        assertThat(shop.stock(compost).getInt("onHand")).isEqualTo(1);
        browsers.screenshot(second, "floor-conflict");

        // the spades: given up, after a confirmation
        second.onceDialog(dialog -> dialog.accept());
        second.locator("[data-floor-conflict]").last().locator("[data-floor-drop]").click();
        assertThat(second.locator("[data-floor-conflict]")).hasCount(1);
        // the second shopkeeper takes what is left: 1, sent with the first attempt's time
        second.locator("[data-floor-edit-quantity]").fill("1");
        second.locator("[data-floor-edit]").click();
        assertThat(second.locator("[data-floor-conflict]")).hasCount(0);
        assertThat(second.locator("[data-floor-sent]")).hasCount(1);
        assertThat(shop.stock(compost).getInt("onHand")).isZero();

        List<Map<String, Object>> exits = shop.call().queryParam("variantId", compost).queryParam("type", "ISSUE")
                .get("/api/v1/stocks/movements").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(exits).extracting(m -> m.get("quantity")).containsExactlyInAnyOrder(4, 1);
        Set<Object> actors = exits.stream().map(m -> m.get("actorId")).collect(Collectors.toSet());
        assertThat(actors).containsExactlyInAnyOrder(shop.admin.userId().toString(), manager.userId().toString());
    }

    @Test
    void aSupplierDeliveryReceivedOfflineUpdatesTheStockAndTheOrderOnce() {
        InventoryApi shop = InventoryApi.newShop(port);
        String bulbs = shop.product("Bulbes de tulipe (lot de 10)", "TUL-10");
        String supplier = shop.call().body(Map.of("name", "Grossiste Drôme", "email", "commandes@drome.test"))
                .post("/api/v1/suppliers").then().statusCode(201).extract().path("id");
        JsonPath order = shop.call().body(Map.of("supplierId", supplier, "lines",
                        List.of(Map.of("variantId", bulbs, "quantity", 12, "unitCost", 1.5))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().jsonPath();
        String orderId = order.getString("id");
        shop.call().post("/api/v1/purchase-orders/" + orderId + "/send").then().statusCode(200);

        Page page = browsers.page();
        Browsers.signIn(page, shop.admin.email(), shop.admin.password());
        openFloor(page);
        page.context().setOffline(true);
        Instant offlineFrom = Instant.now();
        page.locator("[data-floor-tab=receipt]").click();
        page.locator("[data-floor-order]").getByText(order.getString("number")).click();
        String line = "#floor-receipt-" + order.getString("lines[0].id");
        assertThat(page.locator(line)).hasValue("12");
        page.locator(line).fill("13");
        page.locator("[data-floor-receipt-form] button[type=submit]").click();
        assertThat(page.locator(line + "-error")).hasText("Pas plus que ce qui reste (12).");
        page.locator(line).fill("8");
        page.locator("[data-floor-receipt-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-flash]")).hasText("Réception de " + order.getString("number")
                + " enregistrée.");
        assertThat(page.locator("[data-floor-queue]")).hasText("1 action en attente");

        Instant backOnline = Instant.now();
        page.context().setOffline(false);
        assertThat(page.locator("[data-floor-queue]")).hasText("Rien en attente");
        JsonPath received = shop.call().get("/api/v1/purchase-orders/" + orderId).then().statusCode(200).extract()
                .jsonPath();
        assertThat(received.getInt("lines[0].receivedQuantity")).isEqualTo(8);
        assertThat(received.getList("receipts")).hasSize(1);
        assertThat(Instant.parse(received.getString("receipts[0].receivedAt"))).isAfterOrEqualTo(offlineFrom.minusMillis(1))
                .isBefore(backOnline);
        assertThat(shop.stock(bulbs).getInt("onHand")).isEqualTo(8);
        // what remains of the order is offered next time
        page.locator("[data-floor-order]").getByText(order.getString("number")).click();
        assertThat(page.locator(line)).hasValue("4");
    }

    /** Opens the floor and waits until the device holds the catalog and its service worker controls the page. */
    private static void openFloor(Page page) {
        page.navigate("/app/floor");
        assertThat(page.locator("#floor")).hasAttribute("data-ready", "true");
        assertThat(page.locator("[data-floor-synced]")).hasAttribute("data-last-sync",
                java.util.regex.Pattern.compile(".+"));
        page.waitForFunction("() => navigator.serviceWorker.ready.then(() => true)");
        // The first load was not controlled yet: load again so that the worker serves the page from now on.
        page.reload();
        assertThat(page.locator("#floor")).hasAttribute("data-ready", "true");
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
    }

    private static void find(Page page, String query) {
        page.locator("[data-floor-tab=search]").click();
        page.locator("#floor-q").fill(query);
        page.locator("#floor-q").press("Enter");
        page.locator("[data-floor-result]").first().click();
        assertThat(page.locator("[data-floor-item]")).isVisible();
    }

    private static void move(Page page, String action, String quantity, String reason) {
        page.locator("[data-floor-action-form] label", new Page.LocatorOptions().setHasText(action)).click();
        page.locator("#floor-quantity").fill(quantity);
        if (reason != null) {
            page.locator("#floor-reason").selectOption(reason);
        }
        page.locator("[data-floor-action-form] button[type=submit]").click();
        assertThat(page.locator("[data-floor-flash]")).containsText("Enregistré");
    }

    private static void exit(Page page, String quantity, String reason) {
        move(page, "Sortie", quantity, reason);
    }
}
