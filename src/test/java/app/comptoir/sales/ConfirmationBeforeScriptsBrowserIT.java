package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * Issue #13: a "Delete" clicked while the page is still loading asks before deleting, as it does once loaded.
 * The page's deferred script (which asks) is held back by the test until after the click, so the click
 * certainly comes first, as it can on a slow phone.
 */
@IntegrationTest
class ConfirmationBeforeScriptsBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aDeleteClickedBeforeThePageScriptHasRunStillAsksAndDismissingDeletesNothing() {
        SalesApi shop = SalesApi.newShop(port);
        String customer = shop.customer("Mme Rose Lilas", "0611111111");
        Browsers.signIn(page, shop.admin.email(), shop.admin.password());

        AtomicReference<Route> heldScript = new AtomicReference<>();
        page.route("**/js/app.js", heldScript::set);
        page.navigate("/app/sales/customers/" + customer, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        page.locator("[data-delete-customer]").click();
        page.waitForCondition(() -> heldScript.get() != null);
        // The click has happened and nothing has been submitted: the page's script may now arrive.
        page.unroute("**/js/app.js");
        heldScript.get().resume();

        assertThat(page.locator("#confirm-modal")).isVisible();
        assertThat(page.locator("#confirm-modal [data-confirm-message]")).containsText("Mme Rose Lilas");
        page.locator("#confirm-modal [data-confirm-cancel]").click();
        assertThat(page.locator("#confirm-modal")).isHidden();
        assertThat(page).hasURL(Pattern.compile(".*/app/sales/customers/" + customer + "$"));
        shop.call().get("/api/v1/customers/" + customer).then().statusCode(200);

        // Once loaded, the same button asks as before, and "Delete" deletes.
        page.locator("[data-delete-customer]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        page.waitForURL(Pattern.compile(".*/app/sales/customers(\\?.*)?$"));
        shop.call().get("/api/v1/customers/" + customer).then().statusCode(404);
    }
}
