package app.comptoir.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.assistant.FakeModelServer;
import app.comptoir.assistant.FakeModelServer.Reply;
import app.comptoir.assistant.FakeModelServer.ToolCall;
import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The shop's assistant page in Debian's headless chromium, on a phone, with the business's provider pointed at a local
 * fake model server: an anonymous visitor is invited to sign in; a signed-in shopper finds the page from the header,
 * sees the examples, has the model put a pot in her cart, asks to order, reads the order the server shows (lines,
 * total, her address), answers "oui" and follows the link to her order; an empty message is explained next to the box.
 */
@IntegrationTest
class ShopChatBrowserIT {

    private static final FakeModelServer MODEL = new FakeModelServer();

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @Autowired
    ShopBusinesses shops;

    @Autowired
    ShopperSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    TenantContext tenants;

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    @Test
    void aShopperHasHerCartFilledAndOrdersAfterSayingOui() {
        ShopFixture shop = ShopFixture.open(port, new ShopFixture.Beans(shops, sessions, jdbc, tx, tenants),
                "Jardin Chat Mobile");
        shop.product("Pot Toscane", "POT-C1", 5000, 5);
        Api.as(port, shop.admin).body(Map.of("provider", "openai", "model", "chat-test", "baseUrl",
                        MODEL.openAiBase(), "pricePer1kInputTokens", BigDecimal.ONE, "pricePer1kOutputTokens",
                        BigDecimal.ONE))
                .put("/api/v1/ai/settings").then().statusCode(200);
        ShopFixture.Shopper awa = shop.shopper("Awa Diop", true);
        String assistant = "/shop/" + shop.slug + "/assistant";

        Page phone = browsers.page();
        phone.navigate(assistant);
        assertThat(phone.locator("[data-assistant-sign-in]")).containsText("Connectez-vous pour discuter");
        assertThat(phone.locator("[data-assistant-chat]")).hasCount(0);

        phone.context().addCookies(List.of(new Cookie("comptoir_shopper", shop.cookie(awa)).setDomain("localhost")
                .setPath("/shop/" + shop.slug).setHttpOnly(true)));
        phone.navigate("/shop/" + shop.slug + "/cart");
        phone.locator("[data-shop-assistant-link]").click();
        phone.waitForURL(Pattern.compile(".*/assistant$"));
        assertThat(phone.locator("[data-empty-state]")).containsText("Posez une question");
        assertThat(phone.locator("[data-examples] button")).hasCount(3);
        Locator box = phone.getByLabel("Votre message");
        assertThat(box).isFocused();

        // Only spaces: refused by the server, explained next to the box.
        box.fill("   ");
        box.press("Enter");
        assertThat(phone.locator("#assistant-problem")).hasText(Pattern.compile("Écrivez un message.*"));

        MODEL.then(Reply.tools(100, 10, new ToolCall("add_to_cart", "{\"sku\":\"POT-C1\",\"quantity\":2}")),
                Reply.text("J'ai mis 2 pots Toscane dans votre panier.", 100, 10));
        box = phone.getByLabel("Votre message");
        box.fill("Ajoute 2 pots Toscane à mon panier");
        box.press("Enter");
        phone.waitForURL(Pattern.compile(".*/assistant\\?c=.*"));
        assertThat(phone.locator("[data-messages] > li[data-role=assistant]"))
                .containsText("J'ai mis 2 pots Toscane dans votre panier.");
        browsers.screenshot("shop-assistant-cart-phone");

        MODEL.then(Reply.tools(100, 10, new ToolCall("place_order", "{}")),
                Reply.text("Voici votre commande.", 100, 10));
        box = phone.getByLabel("Votre message");
        box.fill("Passe la commande");
        phone.locator("[data-send]").click();
        Locator last = phone.locator("[data-messages] > li[data-role=assistant]").last();
        assertThat(last).containsText("POT-C1");
        assertThat(last).containsText("12 rue Carnot");
        assertThat(last).containsText("Répondez « oui »");

        box = phone.getByLabel("Votre message");
        box.fill("oui");
        box.press("Enter");
        Locator link = phone.locator("[data-document-link]");
        assertThat(link).hasText(Pattern.compile("CMD-.*"));
        String number = link.textContent();
        browsers.screenshot("shop-assistant-ordered-phone");
        link.click();
        phone.waitForURL(Pattern.compile(".*/account/orders/[0-9a-f-]{36}$"));
        assertThat(phone.locator("body")).containsText(number);
        assertThat(phone.locator("body")).containsText("Pot Toscane");
    }
}
