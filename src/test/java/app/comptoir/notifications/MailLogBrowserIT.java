package app.comptoir.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.PasswordResetRequested;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;

/** The administrator reads why an e-mail failed in "Journal des e-mails" and sends it again once SMTP is back. */
@MailIntegrationTest
class MailLogBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @AfterAll
    static void smtpStops() {
        MailTesting.stopSmtp();
    }

    @Test
    void theAdministratorSeesWhyAnEmailFailedAndSendsItAgain() {
        Account admin = Api.newBusiness(port, "Journal Navigateur");
        MailTesting.stopSmtp();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(
                    new PasswordResetRequested(admin.tenantId(), admin.userId(), admin.email(), "Camille", "fr",
                            "reset-" + UUID.randomUUID(), Instant.now().plus(30, ChronoUnit.MINUTES))));
            // Every attempt of the (short) schedule fails: the mail is FAILED for good, with its reason.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> Api.as(port, admin)
                    .queryParam("status", "FAILED").get("/api/v1/notifications/mails").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.nextAttemptAt == null }"), hasSize(1));

            signIn(admin);
            page.navigate("/app/notifications/mails");
            assertThat(page.locator("h1")).hasText("Journal des e-mails");
            assertThat(page.locator("[data-smtp-missing]")).hasCount(0);
            page.locator("#mail-status").selectOption("FAILED");
            page.locator("#mail-filters button[type=submit]").click();
            page.waitForURL("**/app/notifications/mails?status=FAILED");
            assertThat(page.locator("[data-status=FAILED]")).hasCount(1);
            assertThat(page.locator("[data-status=FAILED]")).containsText(admin.email());
            assertThat(page.locator("[data-status=FAILED] [data-reason]")).containsText("Connection refused");
            assertThat(page.locator("[data-status=FAILED]")).containsText("Échec");
            browsers.screenshot("mail-log-failed");
        } finally {
            MailTesting.startSmtp();
        }

        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        page.locator("[data-status=FAILED] [data-retry]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-flash]")).containsText("L'e-mail est de nouveau en file d'envoi.");

        await().atMost(Duration.ofSeconds(60)).until(() -> MailTesting.mailsTo(admin.email()), hasSize(1));
        page.navigate("/app/notifications/mails");
        assertThat(page.locator("[data-status=SENT]")).hasCount(1);
        assertThat(page.locator("[data-status=SENT]")).containsText("Envoyé");
        assertThat(page.locator("[data-retry]")).hasCount(0);
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }
}
