package app.comptoir.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IdentityLinks;
import app.comptoir.support.IntegrationTest;

/**
 * In Debian's headless chromium, in French: a forgotten password from the login page to the new sign-in, and a
 * colleague invited from the users page who joins from the e-mailed link, on a phone.
 */
@IntegrationTest
class PasswordResetBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 860);

    @LocalServerPort
    int port;

    @Autowired
    IdentityLinks mailbox;

    private Page page;

    @BeforeEach
    void open() {
        page = browsers.page();
    }

    @Test
    void aForgottenPasswordIsReplacedFromTheEmailedLink() {
        Account owner = Api.newBusiness(port, "Oubli au navigateur");
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mot de passe oublié ?")).click();
        page.waitForURL("**/forgot-password");
        page.getByLabel("Adresse e-mail").fill(owner.email());
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-reset-sent]"))
                .containsText("Si un compte existe pour cette adresse, un e-mail vient d’être envoyé");
        browsers.screenshot("forgot-password");

        String token = mailbox.reset(owner.email(), 1).token();
        page.navigate("/reset-password?token=" + token);
        assertThat(page.locator("h1")).hasText("Nouveau mot de passe");
        page.getByLabel("Nouveau mot de passe").fill("court");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
        assertThat(page.locator("#password-error")).isVisible();
        page.getByLabel("Nouveau mot de passe").fill("le-jardin-refleurit-en-mai");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer le mot de passe")).click();
        page.waitForURL("**/login?reset");
        assertThat(page.locator("[data-password-reset]")).containsText("Votre mot de passe est changé");

        page.locator("#email").fill(owner.email());
        page.locator("#password").fill("le-jardin-refleurit-en-mai");
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL("**/app");

        // The link is spent: following it again says so and offers a new one.
        page.navigate("/reset-password?token=" + token);
        assertThat(page.locator("[data-reset-refused]")).containsText("Ce lien a déjà servi");
        assertThat(page.locator("[data-reset-again]")).hasAttribute("href", "/forgot-password");
    }

    @Test
    void aColleagueInvitedFromTheUsersPageJoinsFromTheirPhone() {
        Account admin = Api.newBusiness(port, "Équipe au navigateur");
        String email = Api.uniqueEmail("invitee");
        Browsers.signIn(page, admin.email(), admin.password());

        // The first-run guide's step leads to the invitation form.
        page.locator("[data-guide] [data-step='colleague'] a").click();
        page.waitForURL("**/app/users/invite");
        page.getByLabel("Son adresse e-mail").fill(email);
        page.getByText("Livreur", new Page.GetByTextOptions().setExact(true)).click();
        page.locator("[data-send-invitation]").click();
        page.waitForURL("**/app/users");
        assertThat(page.locator("[data-flash]")).containsText("Invitation envoyée à " + email);
        assertThat(page.locator("[data-invitations] [data-invitation-email='" + email + "']")).containsText("Livreur");
        browsers.screenshot("users-invitations");

        String token = mailbox.latestInvitation(email).token();
        page.context().clearCookies();
        page.setViewportSize(390, 844);
        page.navigate("/invitation?token=" + token);
        assertThat(page.locator("h1")).containsText("Rejoindre Équipe au navigateur");
        assertThat(page.locator("[data-invitation-summary]")).containsText("Livreur");
        page.getByLabel("Votre nom").fill("Moussa Diallo");
        page.getByLabel("Mot de passe").fill("la-tournee-du-matin-42");
        noSidewaysScrolling();
        browsers.screenshot("invitation-phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rejoindre le commerce")).click();
        // A driver lands on their deliveries.
        page.waitForURL(Pattern.compile(".*/app(/sales/deliveries)?$"));

        page.context().clearCookies();
        page.navigate("/invitation?token=" + token);
        assertThat(page.locator("[data-invitation-refused]")).containsText("Cette invitation a déjà été acceptée");
    }

    private void noSidewaysScrolling() {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
