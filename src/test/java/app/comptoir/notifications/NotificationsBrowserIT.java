package app.comptoir.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The bell, the notification centre and "Mes notifications" in Debian's headless chromium, in French. */
@IntegrationTest
class NotificationsBrowserIT {

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
    void theBellCountsTheNewOrdersTheListOpensThemMarkAllReadEmptiesItAndThePreferencesAreSaved() {
        Account admin = Api.newBusiness(port, "Clochette");
        Account manager = Api.newUser(port, admin, "MANAGER");
        Map<String, Object> product = Map.of("name", "Pot Toscane", "vatRate", 20,
                "variants", List.of(Map.of("sku", "BEL-1", "price", new BigDecimal("12.00"))));
        String variant = Api.as(port, admin).body(product).post("/api/v1/products").then().statusCode(201)
                .extract().path("variants[0].id");
        for (int i = 0; i < 2; i++) {
            Api.as(port, admin).body(Map.of("customer", Map.of("name", "Mme Girard", "phone", "06 12 34 56 78"),
                            "lines", List.of(Map.of("variantId", variant, "quantity", 1))))
                    .post("/api/v1/orders").then().statusCode(201);
        }

        signIn(manager);
        Locator bell = page.locator("[data-notification-bell]");
        // the count comes after the page, from the poll; notices arrive after the order's commit
        for (int i = 0; i < 20 && !"2".equals(bell.getAttribute("data-unread")); i++) {
            page.reload();
            page.waitForFunction("() => document.querySelector('[data-notification-bell]').hasAttribute('data-unread')");
        }
        assertThat(bell.locator("[data-notification-count]")).hasText("2");
        assertThat(bell).hasAttribute("aria-label", "Notifications : 2 non lues");
        assertNoSidewaysScrolling();

        bell.click();
        page.waitForURL("**/app/notifications");
        assertThat(page.locator("h1")).hasText("Notifications");
        assertThat(page.locator("[data-notification]")).hasCount(2);
        assertThat(page.locator("[data-notification]").first()).containsText("Nouvelle commande");
        assertThat(page.locator("[data-notification][data-unread=true]")).hasCount(2);

        // Opening one marks it read and goes to its order.
        page.locator("[data-notification] a").first().click();
        page.waitForURL(Pattern.compile(".*/app/sales/orders/[0-9a-f-]{36}$"));
        assertThat(bell.locator("[data-notification-count]")).hasText("1");
        page.navigate("/app/notifications");
        assertThat(page.locator("[data-notification][data-unread=true]")).hasCount(1);

        page.locator("[data-read-all]").click();
        assertThat(page.locator("[data-flash]")).containsText("Toutes les notifications sont marquées comme lues.");
        assertThat(page.locator("[data-notification][data-unread=true]")).hasCount(0);
        assertThat(bell.locator("[data-notification-count]")).isHidden();
        assertThat(bell).hasAttribute("aria-label", "Notifications");

        // Mes notifications, from the account menu: new orders off in the app, stock-outs by push on.
        page.locator("#user-menu").click();
        page.locator("[data-account-menu] .dropdown-item").getByText("Mes notifications").click();
        page.waitForURL("**/app/account/notifications");
        Locator newOrderInApp = page.locator("tr[data-type='order.created'] input[data-channel=IN_APP]");
        Locator stockOutPush = page.locator("tr[data-type='stock.out'] input[data-channel=PUSH]");
        assertThat(newOrderInApp).isChecked();
        assertThat(stockOutPush).not().isChecked();
        assertNoSidewaysScrolling();
        newOrderInApp.uncheck();
        stockOutPush.check();
        page.getByText("Enregistrer").click();
        assertThat(page.locator("[data-flash]")).containsText("Vos préférences de notification sont enregistrées.");
        assertThat(newOrderInApp).not().isChecked();
        assertThat(stockOutPush).isChecked();
        assertThat(page.locator("tr[data-type='stock.out'] input[data-channel=IN_APP]")).isChecked();

        // A phone: the bell stays in the top bar and nothing scrolls sideways.
        page.setViewportSize(390, 844);
        page.navigate("/app/notifications");
        assertThat(bell).isVisible();
        assertNoSidewaysScrolling();
        page.navigate("/app/account/notifications");
        assertNoSidewaysScrolling();
    }

    private void assertNoSidewaysScrolling() {
        Object wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(wide).as("sideways scrolling").isEqualTo(false);
    }

    private void signIn(Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
