package app.comptoir;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The web UI in Debian's headless chromium, the way a merchant uses it. */
@IntegrationTest
class BrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aMerchantSignsUpSignsOutAndBackInAndAddsAManager() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        String password = "une-phrase-secrète-42";

        // Sign up: the new business's dashboard opens, signed in.
        page.navigate("/signup");
        page.getByLabel("Nom du commerce").fill("Primeur des Halles");
        page.locator("#name").fill("Claire Fontaine");
        page.getByLabel("Votre adresse e-mail").fill(email);
        page.locator("#password").fill(password);
        page.getByLabel("Devise").selectOption("XOF");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Créer mon commerce")).click();

        page.waitForURL("**/app");
        assertThat(page.locator("[data-business-name]")).hasText("Primeur des Halles");
        assertThat(page.locator("[data-tenant-name]")).hasText("Primeur des Halles");
        assertThat(page.locator("h1")).containsText("Bonjour, Claire Fontaine");
        // A new business has every module that is built, appointments and sales channels too (the settings switch
        // them off): more than the bar holds, so the last ones are under "Plus", which the keyboard opens.
        assertThat(page.locator("[data-navigation] .nav-link"))
                .hasText(new String[] {"Accueil", "Catalogue", "Stock", "Ventes", "Achats", "Rendez-vous",
                        "Canaux de vente", "Plus", "Administration"});
        assertThat(page.locator("[data-navigation] .nav-link.active")).hasText("Accueil");
        assertThat(page.locator("[data-navigation-more] .dropdown-item")).hasText(new String[] {"Paiements",
                "Statistiques", "Assistant"});
        assertThat(page.locator("[data-navigation-more] .dropdown-item").first()).not().isVisible();
        page.locator("[data-navigation-more] > button").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-navigation-more] > button")).hasAttribute("aria-expanded", "true");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("[data-navigation-more] .dropdown-item").first()).isFocused();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        page.waitForURL("**/app/reporting");
        assertThat(page.locator("[data-navigation-more] > button")).hasClass(Pattern.compile("active"));
        assertThat(page.locator("[data-navigation-more] .dropdown-item.active")).hasText("Statistiques");
        page.navigate("/app");
        assertThat(page.locator("[data-roles]")).containsText("Administrateur");
        browsers.screenshot("dashboard");

        // Sign out through the user menu.
        page.locator("#user-menu").click();
        page.locator("[data-logout]").click();
        page.waitForURL("**/login?logout");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Vous êtes déconnecté");

        // A wrong password is refused with a message.
        signIn(email, "not-the-password");
        page.waitForURL("**/login?error");
        assertThat(page.locator("[data-login-error]")).hasText(
                "Adresse e-mail ou mot de passe incorrect, ou compte désactivé.");

        // The right one opens the dashboard again.
        signIn(email, password);
        page.waitForURL("**/app");
        assertThat(page.locator("[data-business-name]")).hasText("Primeur des Halles");

        // Users: only the owner so far; add a manager.
        page.locator("[data-navigation]").getByText("Administration").click();
        page.locator("[data-navigation]").getByText("Utilisateurs").click();
        page.waitForURL("**/app/users");
        assertThat(page.locator("#users-body tr")).hasCount(1);
        page.locator("[data-new-user]").click();
        String managerEmail = "julie-" + UUID.randomUUID() + "@example.test";
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Julie Moreau");
        page.getByLabel("Adresse e-mail").fill(managerEmail);
        page.getByLabel("Mot de passe initial").fill("julie-secret-2026");
        page.getByLabel("Gérant").check();
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Créer l'utilisateur")).click();

        page.waitForURL("**/app/users");
        assertThat(page.locator("[data-flash]")).containsText("Julie Moreau peut maintenant se connecter.");
        Locator julie = page.locator("#users-body tr[data-user-email='" + managerEmail + "']");
        assertThat(julie).containsText("Julie Moreau");
        assertThat(julie).containsText("Gérant");
        assertThat(julie).containsText("Actif");
        assertThat(page.locator("#users-body tr")).hasCount(2);
        browsers.screenshot("users");

        // The live search narrows the list as one types, without reloading the page.
        page.locator("#users-q").pressSequentially("julie", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("#users-body tr")).hasCount(1);
        assertThat(page.locator("#users-body")).containsText("Julie Moreau");
        assertThat(page).hasURL(Pattern.compile(".*/app/users\\?q=julie.*"));
        page.locator("#users-q").fill("");
        page.locator("#users-q").pressSequentially("zzz", new Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(page.locator("[data-empty-state]")).containsText("Aucun utilisateur ne correspond");
    }

    @Test
    void anAdministratorReviewsAndDeletesAUserAfterConfirming() {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        page.navigate("/signup");
        page.locator("#businessName").fill("Atelier Vélo");
        page.locator("#email").fill(email);
        page.locator("#password").fill("atelier-secret-99");
        page.locator("#signup-form button[type=submit]").click();
        page.waitForURL("**/app");

        page.navigate("/app/users/new");
        page.locator("#name").fill("Karim Diallo");
        page.locator("#email").fill("karim-" + UUID.randomUUID() + "@example.test");
        page.locator("#password").fill("karim-secret-77");
        page.getByLabel("Livreur").check();
        page.locator("#user-form button[type=submit]").click();
        page.waitForURL("**/app/users");

        page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Karim Diallo")).click();
        // The history panel arrives through htmx after the page.
        assertThat(page.locator("[data-audit-panel]")).containsText("Création");
        assertThat(page.locator("[data-audit-panel]")).containsText("Livreur");

        // Deleting asks first; cancelling keeps the user.
        page.locator("[data-delete-user]").click();
        assertThat(page.locator("#confirm-modal")).isVisible();
        assertThat(page.locator("#confirm-modal [data-confirm-message]")).containsText("Supprimer Karim Diallo ?");
        // Bootstrap ignores a dismissal until the dialog is fully shown, which it marks by focusing "Annuler".
        assertThat(page.locator("#confirm-modal [data-confirm-cancel]")).isFocused();
        page.locator("#confirm-modal [data-confirm-cancel]").click();
        assertThat(page.locator("#confirm-modal")).isHidden();
        assertThat(page.locator("h1")).containsText("Karim Diallo");

        page.locator("[data-delete-user]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        page.waitForURL("**/app/users");
        assertThat(page.locator("[data-flash]")).containsText("supprimé");
        assertThat(page.locator("#users-body")).not().containsText("Karim Diallo");
    }

    @Test
    void theInterfaceSwitchesToEnglish() {
        page.navigate("/login?lang=en");
        assertThat(page.locator("h1")).hasText("Sign in");
        assertThat(page.getByLabel("E-mail address")).isVisible();

        signIn("admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        page.waitForURL("**/app");
        assertThat(page.locator("h1")).containsText("Hello, Camille Martin");
        assertThat(page.locator("[data-navigation] .nav-link"))
                .hasText(new String[] {"Home", "Catalog", "Inventory", "Sales", "Purchasing", "Payments", "Statistics",
                        "Assistant", "Administration"});

        page.navigate("/app?lang=fr");
        assertThat(page.locator("[data-navigation] .nav-link").first()).hasText("Accueil");
    }

    private void signIn(String email, String password) {
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("#login-form button[type=submit]").click();
    }

}
