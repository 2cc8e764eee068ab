package app.comptoir.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.PageChecks;

/**
 * In Debian's headless chromium, in French: the deployment's operator signs in, finds a business in the console,
 * opens it with a reason, suspends it with a reason while one of its users is signed in elsewhere (who is then
 * refused), and reopens it. The console's pages pass axe-core like the crawled ones of ScreensIT.
 */
@IntegrationTest
class OperatorConsoleBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    @Test
    void theOperatorSuspendsABusinessWhoseUserIsRefusedThenReopensIt() {
        Api.signUpOrSignIn(port, "Opérateur du service", IntegrationTest.OPERATOR_EMAIL);
        Account shop = Api.newBusiness(port, "Quincaillerie surveillée");
        Page staff = browsers.anotherPage();
        Browsers.signIn(staff, shop.email(), shop.password());
        List<PageChecks.Finding> findings = new ArrayList<>();

        Page page = browsers.page();
        Browsers.signIn(page, IntegrationTest.OPERATOR_EMAIL, Api.PASSWORD);
        page.locator("[data-operator-console]").first().click();
        page.waitForURL("**/operator");
        findings.addAll(PageChecks.accessibility(page, "/operator"));
        page.locator("#operator-q").fill(shop.tenantSlug());
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-operator-count]")).hasText("1 commerce");
        page.locator("[data-operator-business='" + shop.tenantSlug() + "'] a").first().click();

        // The business's detail is asked for with a reason, which the journal keeps.
        assertThat(page.locator("[data-reason-form] h1")).hasText("Pourquoi ouvrez-vous ce commerce ?");
        findings.addAll(PageChecks.accessibility(page, "/operator/businesses/{id} (reason)"));
        page.getByLabel("Motif").fill("Appel du gérant, ticket 314");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ouvrir la fiche")).click();
        assertThat(page.locator("h1")).containsText("Quincaillerie surveillée");
        assertThat(page.locator("[data-usage] [data-users]")).hasText("1");
        findings.addAll(PageChecks.accessibility(page, "/operator/businesses/{id}"));

        page.locator("#suspension-reason").fill("Factures impayées");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suspendre le commerce")).click();
        assertThat(page.locator("[data-suspended]")).isVisible();
        assertThat(page.locator("[data-suspension-reason]")).containsText("Factures impayées");
        browsers.screenshot("operator-business-suspended");

        staff.navigate("/app");
        staff.waitForURL("**/login?suspended");
        assertThat(staff.locator("body")).containsText("Ce commerce est suspendu");

        page.locator("#suspension-reason").fill("Factures réglées");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rouvrir le commerce")).click();
        assertThat(page.locator("[data-operator-done]")).isVisible();
        assertThat(page.locator("[data-suspended]")).hasCount(0);
        assertThat(page.locator("[data-operator-actions] tbody tr").first()).containsText("Factures réglées");

        staff.context().clearCookies();
        Browsers.signIn(staff, shop.email(), shop.password());
        assertThat(staff.locator("main")).isVisible();

        page.navigate("/operator/operators");
        assertThat(page.locator("[data-operator='" + IntegrationTest.OPERATOR_EMAIL + "']")).isVisible();
        findings.addAll(PageChecks.accessibility(page, "/operator/operators"));
        page.navigate("/operator/actions");
        findings.addAll(PageChecks.accessibility(page, "/operator/actions"));
        org.assertj.core.api.Assertions.assertThat(findings).isEmpty();
    }
}
