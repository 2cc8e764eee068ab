package app.comptoir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import app.comptoir.platform.Role;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.PageChecks;
import app.comptoir.support.PageChecks.Finding;

/**
 * Every main page of the back office, for every role of the demo garden shop, on a 1280×800 laptop and a
 * 390×844 phone, in French: no sideways scrolling and no serious or critical axe-core violation. The pages
 * come from the application's navigation (and the tabs and first detail pages they lead to), so a new page
 * is covered as soon as it is in the menu. Also: the top bar, the display settings and the public home page.
 */
@IntegrationTest
class ScreensIT {

    private static final int[][] SIZES = {{1280, 800}, {390, 844}};

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 800);

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyMainPageFitsLaptopAndPhoneWithoutSeriousAccessibilityProblems(Role role) {
        Page page = browsers.page();
        signIn(page, role.name().toLowerCase(Locale.ROOT) + "@jardin-des-lilas.demo");

        List<Finding> findings = new ArrayList<>();
        List<String> visited = visitAll(page, findings);

        // The navigation offered every page the role should reach (the dashboard first).
        assertThat(visited).first().isEqualTo("/app");
        assertThat(visited).hasSizeGreaterThan(role == Role.DRIVER ? 3 : 8);
        assertThat(findings).as("pages visited by %s: %s", role, visited).isEmpty();
    }

    /**
     * The demo inspection centre, which takes appointments and sells no goods: its calendar (the home; with an
     * appointment's page when the day has some), its set-up and the payment pages, for its administrator.
     */
    @Test
    void everyPageOfTheInspectionCentreFitsLaptopAndPhoneWithoutSeriousAccessibilityProblems() {
        Page page = browsers.page();
        signIn(page, "admin@ct-du-centre.demo");

        List<Finding> findings = new ArrayList<>();
        List<String> visited = visitAll(page, findings);

        assertThat(visited).contains("/app/bookings", "/app/bookings/services", "/app/bookings/resources",
                "/app/payments");
        assertThat(findings).as("pages visited: %s", visited).isEmpty();
    }

    @Test
    void theFrenchTopBarFitsALaptopWithTheAccountMenuInSightAndAdministrationInOneMenu() {
        Page page = browsers.page();
        signIn(page, "admin@jardin-des-lilas.demo");

        for (int width : new int[] {1280, 1440}) {
            page.setViewportSize(width, 800);
            page.navigate("/app");
            BoundingBox account = page.locator("#user-menu").boundingBox();
            assertThat(account.x + account.width).isLessThanOrEqualTo(width);
            assertThat(PageChecks.fit(page, "/app")).isEmpty();
        }
        // Only the modules that are built and on (the garden shop takes no appointments), the assistant, then one
        // Administration menu for users, settings and the audit trail.
        assertThat(page.locator("[data-navigation] > li > .nav-link"))
                .hasText(new String[] {"Accueil", "Catalogue", "Stock", "Ventes", "Achats", "Paiements", "Statistiques",
                        "Assistant", "Administration"});
        page.locator("[data-administration] > button").click();
        assertThat(page.locator("[data-administration] .dropdown-item"))
                .hasText(new String[] {"Utilisateurs", "Paramètres", "Identité légale", "Paiement en ligne",
                        "Livraison (boutique)", "Journal d'audit", "Journal des e-mails", "Webhooks"});
        page.locator("[data-administration] .dropdown-item").getByText("Paramètres").click();
        page.waitForURL("**/app/settings");
        assertThat(page.locator("[data-administration] > button")).hasClass(java.util.regex.Pattern.compile("active"));

        // Sign out is one click away in the account menu.
        page.locator("#user-menu").click();
        assertThat(page.locator("[data-logout]")).isVisible();
    }

    @Test
    void theDarkThemeAndLargerTextAreRememberedOnTheDeviceAndStayReadable() {
        Page page = browsers.page();
        signIn(page, "manager@jardin-des-lilas.demo");
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "light");

        page.locator("#user-menu").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sombre")).click();
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sombre")))
                .hasAttribute("aria-pressed", "true");
        page.getByLabel("Texte plus grand").check();
        assertThat(page.locator("html")).hasClass(java.util.regex.Pattern.compile("text-large"));

        // The next pages open dark and large from their first paint: the choice is applied in <head>.
        List<Finding> findings = new ArrayList<>();
        for (String path : List.of("/app", "/app/catalog/products", "/app/inventory/stock", "/app/sales/orders",
                "/app/sales/quotes", "/app/reporting")) {
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(path);
                assertThat(page.locator("html")).hasAttribute("data-bs-theme", "dark");
                assertThat(page.locator("html")).hasClass(java.util.regex.Pattern.compile("text-large"));
                findings.addAll(PageChecks.fit(page, path));
                findings.addAll(PageChecks.accessibility(page, path + " (dark, large text)"));
            }
        }
        assertThat(findings).isEmpty();

        page.setViewportSize(1280, 800);
        page.locator("#user-menu").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clair")).click();
        page.getByLabel("Texte plus grand").uncheck();
        page.reload();
        assertThat(page.locator("html")).hasAttribute("data-bs-theme", "light");
        assertThat(page.locator("html")).not().hasClass(java.util.regex.Pattern.compile("text-large"));
    }

    @Test
    void thePublicHomePageSaysWhatComptoirIsAndLeadsToSignUpAndSignIn() {
        Page page = browsers.page();
        List<Finding> findings = new ArrayList<>();
        page.navigate("/");
        for (String theme : List.of("light", "dark")) {
            page.evaluate("t => { try { localStorage.setItem('comptoir.theme', t) } catch (e) {} }", theme);
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                page.navigate("/");
                assertThat(page.locator("h1")).hasText("Le back-office libre des petits commerces");
                assertThat(page.locator("[data-home-businesses] li")).hasCount(5);
                findings.addAll(PageChecks.fit(page, "/ (" + theme + ")"));
                findings.addAll(PageChecks.accessibility(page, "/ (" + theme + ")"));
            }
        }
        assertThat(findings).isEmpty();

        page.locator("[data-home-signup]").click();
        page.waitForURL("**/signup");
        page.navigate("/");
        page.locator("[data-home-login]").click();
        page.waitForURL("**/login");

        // Signed in, the front door leads to the back office.
        signIn(page, "viewer@jardin-des-lilas.demo");
        page.navigate("/");
        page.waitForURL("**/app");
    }

    /**
     * Visits the pages of the navigation, then the tabs and first detail pages they lead to, at both sizes,
     * collecting what does not fit and what axe-core reports. Returns the paths visited, in order.
     */
    private static List<String> visitAll(Page page, List<Finding> findings) {
        page.setViewportSize(SIZES[0][0], SIZES[0][1]);
        page.navigate("/app");
        Deque<String> queue = new ArrayDeque<>(PageChecks.navigationPaths(page));
        Set<String> seen = new LinkedHashSet<>(queue);
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty()) {
            String path = queue.removeFirst();
            for (int[] size : SIZES) {
                page.setViewportSize(size[0], size[1]);
                page.navigate(path);
                page.locator("main").waitFor();
                findings.addAll(PageChecks.fit(page, path));
                findings.addAll(PageChecks.accessibility(page, path));
            }
            visited.add(path);
            for (String next : PageChecks.subPages(page)) {
                if (seen.add(next)) {
                    queue.addLast(next);
                }
            }
        }
        return visited;
    }

    private static void signIn(Page page, String email) {
        page.setViewportSize(SIZES[0][0], SIZES[0][1]);
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(Api.DEMO_PASSWORD);
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.locator("main")).isVisible();
    }

}
