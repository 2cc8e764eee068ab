package app.comptoir.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The administrator registers a webhook in French from the administration menu, sees a refused URL next to the
 * field, sends a test event that reaches a receiver started by the test, replays it, and deletes the endpoint
 * after confirming.
 */
@IntegrationTest
class WebhooksBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;
    private WebhookReceiver receiver;

    @BeforeEach
    void open() throws IOException {
        page = browsers.page();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void theAdministratorRegistersAWebhookSendsATestEventReplaysItAndDeletesIt() {
        Account admin = Api.newBusiness(port, "Webhooks");
        signIn(admin);
        page.navigate("/app/settings/webhooks");
        assertThat(page.locator("h1")).hasText("Webhooks");
        assertThat(page.locator("[data-empty]")).containsText("Aucun webhook");

        page.locator("[data-new-webhook]").click();
        page.locator("#url").fill("http://192.168.1.20/hook");
        page.getByLabel("Commande créée").check();
        page.locator("[data-save-webhook]").click();
        assertThat(page.locator("#url-error")).containsText("https://");
        assertThat(page.locator("#url")).hasClass(Pattern.compile("is-invalid"));

        page.locator("#url").fill(receiver.url());
        page.locator("#description").fill("Boutique en ligne");
        page.locator("[data-save-webhook]").click();
        assertThat(page.locator("[data-flash]")).containsText("Webhook créé");
        assertThat(page.locator("[data-webhook-secret]")).hasValue(Pattern.compile("whsec_[0-9a-f]{64}"));
        assertThat(page.locator("[data-empty-log]")).isVisible();

        page.locator("[data-send-test]").click();
        assertThat(page.locator("[data-flash]")).containsText("Événement de test envoyé");
        // The log shows the delivery pending, then, once the task has sent it, delivered (after a reload).
        assertThat(page.locator("[data-delivery-log] tbody tr")).hasCount(1);
        String deliveryId = page.locator("[data-delivery-log] tbody tr").getAttribute("data-delivery");
        await().atMost(Duration.ofSeconds(60)).until(() -> "DELIVERED".equals(Api.as(port, admin)
                .get("/api/v1/webhooks/deliveries/" + deliveryId).then().extract().path("status")));
        page.reload();
        assertThat(page.locator("[data-status=DELIVERED]")).containsText("Livré");
        assertThat(page.locator("[data-delivery-log]")).containsText("200");
        browsers.screenshot("webhook");

        page.locator("[data-replay]").click();
        assertThat(page.locator("[data-flash]")).containsText("Envoi rejoué");

        page.locator("[data-delete-webhook]").click();
        page.locator("[data-confirm-ok]").click();
        assertThat(page.locator("[data-flash]")).containsText("Webhook supprimé");
        assertThat(page.locator("[data-empty]")).isVisible();
        org.assertj.core.api.Assertions.assertThat(receiver.received()).isNotEmpty();
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }
}
