package app.comptoir.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.notifications.domain.P256;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The account page's web push card in chromium: it loads, registers the service worker, lists the user's
 * devices and removes one after confirmation. Headless chromium has no push service, so switching
 * notifications on must end in a clear message and the switch back off, never in a stuck switch.
 */
@IntegrationTest
class PushBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void open() {
        page = browsers.page();
    }

    @Test
    void theAccountPageRegistersTheWorkerListsTheDevicesAndRemovesOne() {
        Account owner = Api.newBusiness(port, "Cloche");
        Api.as(port, owner).header("User-Agent", "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0")
                .body(Map.of("endpoint", "https://updates.push.services.mozilla.com/wpush/v2/abc", "keys",
                        Map.of("p256dh", P256.base64Url(P256.encode((java.security.interfaces.ECPublicKey)
                                P256.generate().getPublic())), "auth", "BTBZMqHH6r4Tts7J_aSIgg")))
                .post("/api/v1/push/subscriptions").then().statusCode(201);
        signIn(owner);
        // As if the user had already said yes to the browser's question (headless chromium cannot ask).
        page.context().grantPermissions(List.of("notifications"));

        page.navigate("/app/account/password#push");
        assertThat(page.locator("#push [data-push][data-push-ready=true]")).isAttached();
        Object scope = page.evaluate("async () => { const r = await navigator.serviceWorker.getRegistration('/js/push/');"
                + " return r && r.active ? r.scope : null; }");
        org.assertj.core.api.Assertions.assertThat(String.valueOf(scope)).endsWith("/js/push/");
        assertThat(page.locator("#push [data-push-device]")).hasCount(1);
        assertThat(page.locator("#push [data-push-device]")).containsText("Firefox · Windows");
        assertThat(page.locator("#push [data-push-current]")).isHidden();
        // The phone's width: the card fits without sideways scrolling.
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

        page.locator("[data-push-switch]").click();
        assertThat(page.locator("[data-push-status]")).containsText("L'abonnement n'a pas abouti");
        assertThat(page.locator("[data-push-switch]")).not().isChecked();
        assertThat(page.locator("[data-push-switch]")).isEnabled();

        page.locator("[data-push-remove]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-flash]")).containsText("ne recevra plus de notifications");
        assertThat(page.locator("#push [data-push-empty]")).isVisible();
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }
}
