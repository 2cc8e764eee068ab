package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.ShopperLinks;
import app.comptoir.support.WebSession;

/**
 * The shopper's account pages over real HTTP, through the shop's security chain (no staff session, no CSRF token,
 * other sites' forms refused): registration with the e-mailed link, sign-in back to the page asked for (never
 * another site or shop), the account pages never cached and closed to visitors, addresses, the order history with
 * the timeline and "order again", sign-out, deletion.
 */
@IntegrationTest
class ShopperPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    ShopperLinks mailbox;

    @Test
    void aVisitorRegistersOnThePagesIsSignedInAndVerifiesTheirEmail() {
        Shops shop = Shops.open(port, "Jardinerie Pages");
        String base = "/shop/" + shop.slug() + "/account";
        WebSession browser = new WebSession(port);
        WebSession.Page form = browser.get(base + "/register");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(form.body()).contains("Créer votre compte", shop.slug());

        String email = Api.uniqueEmail("pages");
        WebSession.Page refused = browser.postRaw(base + "/register", Map.of("name", "", "email", "pas-une-adresse",
                "phone", "", "password", "court"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "id=\"email-error\"", "id=\"password-error\"",
                "Au moins 10 caractères.").doesNotContain("value=\"court\"");

        WebSession.Page registered = browser.postRaw(base + "/register", Map.of("name", "Claire Rousseau",
                "email", email, "phone", "06 12 45 78 90", "password", Api.PASSWORD));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(where(registered)).isEqualTo(base + "?registered");
        assertThat(registered.header("Set-Cookie")).contains("comptoir_shopper=", "Path=/shop/" + shop.slug(),
                "HttpOnly", "SameSite=Lax");
        String account = browser.get(base + "?registered").body();
        assertThat(account).contains("Bienvenue", "data-verify-email", email.toLowerCase());

        WebSession.Page verified = browser.get(base + "/verify?token=" + mailbox.token(email, "VERIFY", 1));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("data-email-verified");
        assertThat(browser.get(base).body()).doesNotContain("data-verify-email");
        WebSession.Page again = browser.get(base + "/verify?token=" + mailbox.token(email, "VERIFY", 1));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi.");

        // the same e-mail again: said next to the field
        WebSession other = new WebSession(port);
        WebSession.Page taken = other.postRaw(base + "/register", Map.of("name", "Autre", "email", email.toUpperCase(),
                "password", Api.PASSWORD));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("id=\"email-error\"", "Un compte de cette boutique utilise déjà cette adresse");
    }

    @Test
    void accountPagesAreForSignedInShoppersAndSignInGoesBackToThePageAskedForWithinTheShop() {
        Shops shop = Shops.open(port, "Jardinerie Retour");
        String email = shop.register("Thomas Girard");
        String base = "/shop/" + shop.slug() + "/account";
        WebSession browser = new WebSession(port);
        for (String page : new String[] {"", "/addresses", "/orders", "/delete", "/addresses/new"}) {
            WebSession.Page closed = browser.get(base + page);
            assertThat(closed.status()).as(page).isEqualTo(302);
            assertThat(where(closed)).as(page).startsWith(base + "/login?next=").contains(shop.slug());
            assertThat(closed.header("Cache-Control")).isEqualTo("private, no-store");
        }
        WebSession.Page wrong = browser.postRaw(base + "/login", Map.of("email", email, "password", "pas-le-bon"));
        WebSession.Page unknown = browser.postRaw(base + "/login", Map.of("email", Api.uniqueEmail("x"),
                "password", "pas-le-bon"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("Adresse e-mail ou mot de passe incorrect.");
        assertThat(unknown.body()).contains("Adresse e-mail ou mot de passe incorrect.");

        WebSession.Page in = browser.postRaw(base + "/login", Map.of("email", email, "password", Api.PASSWORD,
                "next", base + "/addresses"));
        assertThat(where(in)).isEqualTo(base + "/addresses");
        assertThat(browser.get(base + "/addresses").body()).contains("data-no-address");
        browser.postRaw(base + "/logout", Map.of());
        assertThat(browser.get(base).status()).isEqualTo(302);

        // another site, another shop, a protocol-relative address: back to the account instead
        for (String next : new String[] {"//evil.example/x", "https://evil.example", "/shop/other-shop/account",
                "/shop/" + shop.slug() + "//evil.example", "/shop/" + shop.slug() + "\\..\\x"}) {
            WebSession again = new WebSession(port);
            WebSession.Page signedIn = again.postRaw(base + "/login", Map.of("email", email, "password", Api.PASSWORD,
                    "next", next));
            assertThat(where(signedIn)).as(next).isEqualTo(base);
        }
        // a form sent from another site is refused
        WebSession.Page crossSite = new WebSession(port).postRaw(base + "/login",
                Map.of("email", email, "password", Api.PASSWORD), "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
    }

    @Test
    void theShopperManagesAddressesSeesTheirOrdersWithTheirTimelineAndDeletesTheirAccount() {
        Shops shop = Shops.open(port, "Jardinerie Compte");
        String email = shop.register("Nathalie Faure");
        String base = "/shop/" + shop.slug() + "/account";
        WebSession browser = new WebSession(port);
        browser.postRaw(base + "/login", Map.of("email", email, "password", Api.PASSWORD));

        WebSession.Page missing = browser.postRaw(base + "/addresses", Map.of("line1", "", "city", "Lyon",
                "country", "FR"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"line1-error\"", "Obligatoire.");
        WebSession.Page added = browser.postRaw(base + "/addresses", Map.of("label", "Maison",
                "line1", "8 montée de la Grande-Côte", "postalCode", "69001", "city", "Lyon", "country", "FR"));
        assertThat(where(added)).isEqualTo(base + "/addresses?added");
        String addresses = browser.get(base + "/addresses?added").body();
        assertThat(addresses).contains("8 montée de la Grande-Côte", "data-default-delivery", "data-default-billing",
                "data-confirm=\"Supprimer cette adresse ?\"");

        assertThat(browser.get(base + "/orders").body()).contains("data-no-orders");
        String[] order = shop.order(shop.customerOf(email), shop.product("Terreau 40 L", "TER-40", "9.90"), 3, false);
        String orders = browser.get(base + "/orders").body();
        assertThat(orders).contains(order[1], "Confirmée", "29,70");
        WebSession.Page detail = browser.get(base + "/orders/" + order[0]);
        assertThat(detail.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(detail.body()).contains(order[1], "data-timeline", "Terreau 40 L",
                "action=\"/shop/" + shop.slug() + "/cart/reorder/" + order[0] + "\"", "Commander à nouveau");
        assertThat(browser.get(base + "/orders/" + UUID.randomUUID()).status()).isEqualTo(404);

        WebSession.Page profile = browser.postRaw(base + "/profile", Map.of("name", "Nathalie Faure-Blanc",
                "phone", "06 34 67 90 12", "locale", "fr"));
        assertThat(where(profile)).startsWith(base + "?saved");
        assertThat(browser.get(base).body()).contains("Nathalie Faure-Blanc");

        WebSession.Page wrongPassword = browser.postRaw(base + "/delete", Map.of("password", "pas-le-bon"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.body()).contains("id=\"password-error\"");
        WebSession.Page deleted = browser.postRaw(base + "/delete", Map.of("password", Api.PASSWORD));
        assertThat(where(deleted)).isEqualTo(base + "/login?deleted");
        assertThat(browser.get(base).status()).isEqualTo(302);
    }

    /** Where a redirect sends the browser, as a path of the site. */
    private String where(WebSession.Page page) {
        return page.location().orElseThrow().replaceFirst("^http://localhost:" + port, "");
    }
}
