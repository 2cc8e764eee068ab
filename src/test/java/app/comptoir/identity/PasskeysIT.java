package app.comptoir.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Passkeys (WebAuthn) in Debian's headless chromium, with the DevTools virtual authenticator standing in
 * for the shop phone's fingerprint reader: added on the account page, then signing in without a password.
 */
@IntegrationTest
class PasskeysIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void open() {
        page = browsers.page();
        // A platform authenticator that holds discoverable credentials and always verifies its user.
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", args);
    }

    @Test
    void aPasskeyAddedOnTheAccountPageSignsTheUserInWithoutAPassword() {
        Account admin = Api.newBusiness(port, "Clé du magasin");
        signInWithPassword(admin);
        String id = addPasskey("Téléphone du magasin");
        assertThat(page.locator("[data-passkey]")).containsText("Téléphone du magasin");
        assertThat(page.locator("[data-passkey]")).containsText("Jamais utilisée");

        signOut();
        page.locator("[data-passkey-login]").click();
        page.waitForURL("**/app");
        assertThat(page.locator("[data-navigation]").first()).isVisible();

        // The same account: its passkey is listed, now used, and it deletes after a confirmation.
        page.navigate("/app/account/password");
        assertThat(page.locator("[data-passkey='" + id + "']")).containsText("Dernière utilisation");
        page.locator("[data-delete-passkey]").click();
        page.locator("[data-confirm-ok]").click();
        assertThat(page.locator("[data-passkeys-empty]")).isVisible();

        signOut();
        page.locator("[data-passkey-login]").click();
        assertThat(page.locator("[data-passkey-error]")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
    }

    @Test
    void aDisabledUsersPasskeyIsRefusedAndAnotherBusinessCannotReachIt() {
        // On the phone: the account page and the login page fit without sideways scrolling.
        page.setViewportSize(390, 844);
        Account admin = Api.newBusiness(port, "Clé refusée");
        Account clerk = Api.newUser(port, admin, "MANAGER");
        signInWithPassword(clerk);
        String id = addPasskey("Caisse");
        assertThat(fitsTheWidth()).isTrue();

        // Another business sees none of it and cannot delete it.
        Account other = Api.newBusiness(port, "Voisin");
        WebSession neighbour = new WebSession(port);
        neighbour.signIn(other.email(), other.password());
        WebSession.Page account = neighbour.get("/app/account/password");
        assertThat(account.body()).contains("data-passkeys-empty").doesNotContain(id);
        assertThat(neighbour.post("/app/account/passkeys/" + id + "/delete", Map.of()).status()).isEqualTo(404);

        signOut();
        assertThat(fitsTheWidth()).isTrue();
        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + clerk.userId() + "/status")
                .then().statusCode(200);
        page.locator("[data-passkey-login]").click();
        assertThat(page.locator("[data-passkey-error]")).containsText("désactivé");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));

        // Enabled again, the same passkey signs them in: it outlived the suspension (and any password change).
        Api.as(port, admin).body(Map.of("enabled", true)).patch("/api/v1/users/" + clerk.userId() + "/status")
                .then().statusCode(200);
        java.time.Instant before = lastLogin(admin, clerk);
        page.locator("[data-passkey-login]").click();
        page.waitForURL("**/app");
        // Recorded as a sign-in, like a password one.
        assertThat(lastLogin(admin, clerk)).isAfter(before);
    }

    private java.time.Instant lastLogin(Account admin, Account user) {
        String at = Api.as(port, admin).get("/api/v1/users/" + user.userId()).then().statusCode(200).extract()
                .path("lastLoginAt");
        return java.time.Instant.parse(at);
    }

    private void signInWithPassword(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }

    /** Adds a passkey on the account page; returns its credential id. */
    private String addPasskey(String label) {
        page.navigate("/app/account/password");
        assertThat(page.locator("[data-passkeys-empty]")).isVisible();
        page.locator("#passkey-label").fill(label);
        page.locator("form[data-passkey-register] button[type=submit]").click();
        assertThat(page.locator("[data-passkey-added]")).isVisible();
        assertThat(page.locator("[data-passkey]")).hasCount(1);
        return page.locator("[data-passkey]").getAttribute("data-passkey");
    }

    private boolean fitsTheWidth() {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    private void signOut() {
        page.navigate("/app");
        page.locator("form[action$='/logout']").evaluate("form => form.submit()");
        page.waitForURL("**/login?logout");
    }
}
