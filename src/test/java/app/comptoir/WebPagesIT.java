package app.comptoir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** The web pages over real HTTP: access, error pages, form errors, htmx fragments. */
@IntegrationTest
class WebPagesIT {

    private static final String DEMO_ADMIN = "admin@seconde-main.demo";

    @LocalServerPort
    int port;

    @Test
    void visitorsAreSentToTheLoginPage() {
        WebSession browser = new WebSession(port);
        // The front door is a public page saying what Comptoir is; the back office asks to sign in.
        assertThat(browser.get("/").body()).contains("Créer mon commerce", "Se connecter");
        assertThat(browser.get("/app").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(browser.get("/app/users").location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(browser.get("/login").body()).contains("Connexion", "Comptes de démonstration",
                "admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
    }

    @Test
    void theLoginPageExplainsWhatHappened() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/login?error").body()).contains("Adresse e-mail ou mot de passe incorrect");
        assertThat(visitor.get("/login?throttled=42").body()).contains("Réessayez dans 42 secondes");
        assertThat(visitor.get("/login?throttled=soon").body()).contains("Réessayez dans 60 secondes");
        assertThat(visitor.get("/login?logout").body()).contains("Vous êtes déconnecté");
        assertThat(visitor.get("/login?expired").body()).contains("Votre session a expiré");
    }

    @Test
    void anExpiredHtmxRequestSendsTheWholeWindowToTheLoginPage() {
        Page fragment = new WebSession(port).get("/app/users?q=a", "HX-Request", "true");

        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.header("HX-Redirect")).endsWith("/login");
    }

    @Test
    void disablingAUserEndsTheirOpenSessionAndTellsThemWhy() {
        Account admin = Api.newBusiness(port, "Session coupée");
        Account manager = Api.newUser(port, admin, "MANAGER");
        WebSession session = new WebSession(port);
        session.signIn(manager.email(), manager.password());
        assertThat(session.get("/app").status()).isEqualTo(200);

        Api.as(port, admin).body(Map.of("enabled", false)).patch("/api/v1/users/" + manager.userId() + "/status")
                .then().statusCode(200);

        Page next = session.get("/app");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?disabled"));
        assertThat(session.get("/login?disabled").body()).contains("Ce compte est désactivé");
        assertThat(session.signIn(manager.email(), manager.password()).location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?disabled"));
    }

    @Test
    void aViewerGetsTheAccessDeniedPageForAdministration() {
        WebSession viewer = new WebSession(port);
        assertThat(viewer.signIn("viewer@seconde-main.demo", Api.DEMO_PASSWORD).location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app"));

        for (String path : List.of("/app/users", "/app/users/new", "/app/settings", "/app/audit")) {
            Page page = viewer.get(path);
            assertThat(page.status()).as(path).isEqualTo(403);
            assertThat(page.body()).as(path).contains("Accès refusé");
        }
        Page dashboard = viewer.get("/app");
        assertThat(dashboard.body()).contains("Accueil", "Lecteur").doesNotContain("href=\"/app/users\"");
    }

    @Test
    void signUpErrorsComeBackNextToTheFieldsWithWhatWasTypedButThePassword() {
        WebSession visitor = new WebSession(port);
        visitor.get("/signup");

        Page badEmail = visitor.post("/signup", signup("Épicerie Fine", "not-an-address", "secret-typed-123"));
        assertThat(badEmail.status()).isEqualTo(200);
        // Thymeleaf writes non-ASCII letters in attributes as character references.
        assertThat(badEmail.body()).contains("Saisissez une adresse e-mail valide", "value=\"&Eacute;picerie Fine\"",
                "value=\"not-an-address\"").doesNotContain("secret-typed-123");

        Page shortPassword = visitor.post("/signup", signup("Épicerie Fine", "owner-" + UUID.randomUUID() + "@example.test", "short"));
        assertThat(shortPassword.body()).contains("id=\"password-error\"", "Au moins 10 caractères.");

        Page taken = visitor.post("/signup", signup("Épicerie Fine", DEMO_ADMIN, "secret-typed-123"));
        assertThat(taken.body()).contains("Un compte existe déjà avec cette adresse e-mail.");

        Page shortName = visitor.post("/signup", signup("É", "owner-" + UUID.randomUUID() + "@example.test", "secret-typed-123"));
        assertThat(shortName.body()).contains("id=\"businessName-error\"", "Entre 2 et 120 caractères.");
    }

    @Test
    void signingUpSignsTheNewOwnerIn() {
        WebSession owner = new WebSession(port);
        owner.get("/signup");
        Page done = owner.post("/signup", signup("Cordonnerie Lenoir", "owner-" + UUID.randomUUID() + "@example.test",
                "secret-typed-123"));

        assertThat(done.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        assertThat(owner.get("/app").body()).contains("Cordonnerie Lenoir", "Administrateur");
    }

    @Test
    void missingRecordsAndPagesShowTheNotFoundPage() {
        WebSession admin = signedIn(DEMO_ADMIN);

        for (String path : List.of("/app/users/" + UUID.randomUUID(), "/app/users/not-an-id", "/app/nothing-here",
                "/nothing-here")) {
            Page page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page introuvable");
        }
        Page badPage = admin.get("/app/users?page=abc");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("Demande incorrecte");
    }

    @Test
    void apiErrorsStayProblemDetails() {
        String token = Api.token(port, DEMO_ADMIN, Api.DEMO_PASSWORD);

        Api.as(port, token).get("/api/v1/users/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(port, token).get("/api/v1/users/not-an-id").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theLiveSearchAnswersHtmxWithTheResultsOnly() {
        WebSession admin = signedIn(DEMO_ADMIN);

        Page fragment = admin.get("/app/users?q=julien", "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.header("Vary")).containsIgnoringCase("HX-Request");
        assertThat(fragment.body()).contains("id=\"users-results\"", "manager@seconde-main.demo", "1 utilisateur")
                .doesNotContain("<html", "admin@seconde-main.demo");

        Page none = admin.get("/app/users?q=nobody-has-this-name", "HX-Request", "true");
        assertThat(none.body()).contains("data-empty-state", "Aucun utilisateur ne correspond");

        Page whole = admin.get("/app/users?q=julien&role=MANAGER&status=active");
        assertThat(whole.body()).contains("<html", "value=\"julien\"", "manager@seconde-main.demo");
    }

    @Test
    void tamperedFormValuesGetMessagesNotErrors() {
        WebSession admin = signedIn(DEMO_ADMIN);
        admin.get("/app/users/new");

        Page unknownRole = admin.post("/app/users/new", Map.of("email", "x-" + UUID.randomUUID() + "@example.test",
                "name", "Test", "password", "a-long-secret-1", "roles", List.of("MANAGER", "SUPERUSER")));
        assertThat(unknownRole.status()).isEqualTo(200);
        assertThat(unknownRole.body()).contains("id=\"roles-error\"");

        Page noRole = admin.post("/app/users/new", Map.of("email", "x-" + UUID.randomUUID() + "@example.test",
                "name", "Test", "password", "a-long-secret-1"));
        assertThat(noRole.body()).contains("Choisissez au moins un rôle.");

        Page badId = admin.get("/app/audit?entityType=user&entityId=zzz");
        assertThat(badId.status()).isEqualTo(200);
        assertThat(badId.body()).contains("id=\"entityId-error\"", "Identifiant non valable");

        Page settings = admin.post("/app/settings", Map.of("name", "Seconde Main", "slug", "Not A Slug!",
                "currency", "EUR", "locale", "fr", "timezone", "Mars/Olympus"));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("id=\"slug-error\"", "lettres minuscules");
    }

    @Test
    void refusedChangesAreShownAsAnAlert() {
        WebSession owner = new WebSession(port);
        owner.get("/signup");
        owner.post("/signup", signup("Fleurs Martin", "owner-" + UUID.randomUUID() + "@example.test", "secret-typed-123"));
        String selfId = firstUserId(owner.get("/app/users").body());

        Page refused = owner.post("/app/users/" + selfId + "/status", Map.of("enabled", "false"));
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/users/" + selfId));
        assertThat(owner.get("/app/users/" + selfId).body())
                .contains("data-conflict", "Impossible sur votre propre compte");
    }

    @Test
    void aFormPostedWithAStaleTokenAsksToSignInAgain() {
        WebSession admin = signedIn(DEMO_ADMIN);

        Page stale = admin.postRaw("/app/account/password", Map.of("_csrf", "stale", "currentPassword", "x"));
        assertThat(stale.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }

    @Test
    void theAuditPanelIsAFragmentForHtmx() {
        WebSession admin = signedIn(DEMO_ADMIN);
        String userId = firstUserId(admin.get("/app/users").body());

        Page panel = admin.get("/app/audit/panel?entityType=user&entityId=" + userId, "HX-Request", "true");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("data-audit-panel", "Création").doesNotContain("<html");
    }

    @Test
    void englishIsOneClickAway() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/login?lang=en").body()).contains("Sign in", "Demo accounts");
        // The choice is remembered in a cookie.
        assertThat(visitor.get("/signup").body()).contains("Create your business");
        assertThat(visitor.get("/login?lang=fr").body()).contains("Connexion");
    }

    private WebSession signedIn(String email) {
        WebSession session = new WebSession(port);
        assertThat(session.signIn(email, Api.DEMO_PASSWORD).location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/app"));
        return session;
    }

    private static Map<String, String> signup(String business, String email, String password) {
        return Map.of("businessName", business, "name", "", "email", email, "password", password,
                "currency", "EUR", "locale", "fr");
    }

    private static String firstUserId(String usersPage) {
        Matcher link = Pattern.compile("href=\"/app/users/([0-9a-f-]{36})\"").matcher(usersPage);
        assertThat(link.find()).as("a user link in the list").isTrue();
        return link.group(1);
    }
}
