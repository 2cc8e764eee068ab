package app.comptoir.channels;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.channels.application.PublicationJobs;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.PageChecks;

/**
 * The reseller's day in chromium: the Vinted account's rate badge, a listing opened from the list, published with one
 * click against the local fake Vinted, the page following the job until it succeeds and the history saying so.
 */
@IntegrationTest
class ChannelsBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    @Autowired
    PublicationJobs jobs;

    @Test
    void theResellerSeesTheBadgeOpensAListingPublishesItAndWatchesTheJobSucceed() {
        Account admin = Api.newBusiness(port, "Friperie du Vieux Lyon");
        FakeVinted.Login login = FakeVinted.shared().login("vieux.lyon");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        ChannelsTesting.draft(port, admin, account, "Veste en velours côtelé", "34.90");

        Page page = browsers.page();
        Browsers.signIn(page, admin.email(), admin.password());
        ChannelsTesting.enableChannels(port, admin);

        page.setViewportSize(1600, 900);
        page.navigate("/app");
        page.locator("[data-navigation]").getByText("Canaux de vente").click();
        page.waitForURL("**/app/channels/listings");
        page.locator("[data-channels-tabs]").getByText("Comptes").click();
        page.waitForURL("**/app/channels/accounts");
        assertThat(page.locator("[data-account='vieux.lyon'] [data-rate-badge]")).hasText("0 / 40");
        assertThat(page.locator("[data-account='vieux.lyon'] [data-rate-badge]")).hasAttribute("data-level", "green");
        browsers.screenshot("channels-accounts");

        page.locator("[data-channels-tabs]").getByText("Annonces").click();
        page.getByText("Veste en velours côtelé").click();
        assertThat(page.locator("h1")).hasText("Veste en velours côtelé");
        page.locator("[data-publish]").click();
        assertThat(page.locator("[data-job-state]").first()).hasAttribute("data-job-state", "PENDING");
        assertThat(page.locator("[data-job-running]")).isVisible();

        // The background runner is off in the tests: run the job now, as a node would; the page follows it by itself.
        jobs.runDue(admin.tenantId());
        assertThat(page.locator("[data-job-state]").first()).hasAttribute("data-job-state", "SUCCEEDED");
        assertThat(page.locator("[data-listing-state]")).hasAttribute("data-listing-state", "PUBLISHED");
        assertThat(page.locator("[data-event][data-what='PUBLISHED']")).containsText("Publiée");
        assertThat(page.locator("[data-job-running]")).hasCount(0);
        assertThat(page.locator("[data-withdraw]")).isVisible();
        browsers.screenshot("channels-listing-published");

        // An update asks first, then goes as a job the page follows.
        page.locator("[data-update]").click();
        assertThat(page.locator("[data-confirm-message]")).containsText("photos actuels");
        page.locator("[data-confirm-ok]").click();
        assertThat(page.locator("[data-job][data-kind='UPDATE'] [data-job-state]")).hasAttribute("data-job-state",
                "PENDING");
        jobs.runDue(admin.tenantId());
        assertThat(page.locator("[data-job][data-kind='UPDATE'] [data-job-state]")).hasAttribute("data-job-state",
                "SUCCEEDED");
        assertThat(page.locator("[data-event][data-what='UPDATED']")).containsText("Mise à jour");
        org.assertj.core.api.Assertions.assertThat(FakeVinted.shared().items(login))
                .extracting(FakeVinted.Item::title).containsExactly("Veste en velours côtelé");
    }

    @Test
    void theDemoResellersChannelPagesFitLaptopAndPhoneWithoutSeriousAccessibilityProblems() {
        Page page = browsers.page();
        Browsers.signIn(page, "admin@seconde-main.demo", Api.DEMO_PASSWORD);
        page.navigate("/app/channels/listings?state=PUBLISHED");
        page.locator("[data-listing] a").first().click();
        page.waitForURL("**/app/channels/listings/*");
        String listing = page.url().substring(page.url().indexOf("/app/"));
        List<PageChecks.Finding> findings = new ArrayList<>();
        for (String path : List.of("/app/channels/listings", "/app/channels/accounts", "/app/channels/stats",
                "/app/channels/listings/new", listing)) {
            // With channels the bar has more entries than it holds: the last ones are under "Plus", and it fits a
            // laptop, a large screen and a phone (where the navigation is behind the menu button).
            for (int[] size : new int[][] {{1280, 800}, {1440, 900}, {1600, 900}, {390, 844}}) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(path);
                page.locator("main").waitFor();
                findings.addAll(PageChecks.fit(page, path));
                if (size[0] != 1440) {
                    findings.addAll(PageChecks.accessibility(page, path));
                }
                if (size[0] >= 1200) {
                    var account = page.locator("#user-menu").boundingBox();
                    org.assertj.core.api.Assertions.assertThat(account.x + account.width).as("%s at %d", path, size[0])
                            .isLessThanOrEqualTo(size[0]);
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(findings).isEmpty();
        page.setViewportSize(1280, 800);
        page.navigate("/app/channels/stats");
        assertThat(page.locator("[data-navigation] > li > .nav-link")).hasText(new String[] {"Accueil", "Catalogue",
                "Stock", "Ventes", "Achats", "Canaux de vente", "Paiements", "Plus", "Administration"});
        assertThat(page.locator("[data-navigation] > li > .nav-link").filter(new com.microsoft.playwright.Locator
                .FilterOptions().setHasText("Canaux de vente"))).hasClass(java.util.regex.Pattern.compile("active"));
        page.locator("[data-navigation-more] > button").click();
        page.locator("[data-navigation-more]").getByText("Statistiques").click();
        page.waitForURL("**/app/reporting");
        // On a phone the bar opens as a list, "Plus" with it.
        page.setViewportSize(390, 844);
        page.locator(".navbar-toggler").click();
        page.locator("[data-navigation-more] > button").click();
        assertThat(page.locator("[data-navigation-more]").getByText("Assistant")).isVisible();
        page.setViewportSize(1280, 800);
        page.navigate("/app/channels/accounts");
        assertThat(page.locator("[data-account='secondemain.lyon'] [data-rate-badge]")).hasAttribute("data-level",
                java.util.regex.Pattern.compile("green|orange|red"));
        assertThat(page.locator("[data-account='secondemain.lyon'] [data-countdown]")).containsText("min");
        browsers.screenshot("channels-demo-accounts");
    }
}
