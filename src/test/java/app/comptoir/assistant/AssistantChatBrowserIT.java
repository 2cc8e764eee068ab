package app.comptoir.assistant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.assistant.FakeModelServer.Reply;
import app.comptoir.assistant.FakeModelServer.ToolCall;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The assistant's chat page in Debian's headless chromium, with the business's provider pointed at a local fake
 * model server scripted like {@code AssistantChatIT}'s: a manager asks for a quote, the model searches the catalog
 * and the customers then drafts it, the page shows the answer (as text) and a link to the quote, whose page shows
 * the line; an empty message and a provider that does not answer are explained next to the box.
 */
@IntegrationTest
class AssistantChatBrowserIT {

    private static final FakeModelServer MODEL = new FakeModelServer();

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    /** A business with a watering can in stock, Claire Martin with an address, and its provider the fake server. */
    private record Shop(Account admin, String customerId) {
    }

    private Shop shop(String name) {
        return shop(name, MODEL);
    }

    private Shop shop(String name, FakeModelServer model) {
        Account admin = Api.newBusiness(port, name);
        Map<String, Object> product = new HashMap<>();
        product.put("name", "Arrosoir Balcon");
        product.put("vatRate", 20);
        product.put("variants", List.of(Map.of("sku", "ARR-V", "price", new BigDecimal("12.50"))));
        List<String> variants = Api.as(port, admin).body(product).post("/api/v1/products").then().statusCode(201)
                .extract().path("variants.id");
        Api.as(port, admin).body(Map.of("variantId", variants.getFirst(), "type", "RECEIPT", "quantity", 10))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        String customer = Api.as(port, admin).body(Map.of("kind", "PERSON", "name", "Claire Martin",
                        "email", "claire@martin.test"))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        Api.as(port, admin).body(Map.of("line1", "3 rue des Lilas", "city", "Lyon", "postalCode", "69003"))
                .post("/api/v1/customers/" + customer + "/addresses").then().statusCode(201);
        Api.as(port, admin).body(Map.of("provider", "openai", "model", "chat-test", "baseUrl", model.openAiBase()))
                .put("/api/v1/ai/settings").then().statusCode(200);
        return new Shop(admin, customer);
    }

    @Test
    void aManagerAsksForAQuoteAndFollowsTheLinkToTheDraftedQuote() {
        Shop shop = shop("Jardin Chat Devis");
        Account manager = Api.newUser(port, shop.admin(), "MANAGER");
        Browsers.signIn(page, manager.email(), manager.password());

        // A new business has more entries than the bar holds: the assistant is under "Plus".
        page.locator("[data-navigation-more] > button").click();
        page.locator("[data-navigation] a[href='/app/assistant']").click();
        page.waitForURL("**/app/assistant");
        assertThat(page.locator("[data-empty-state]")).containsText("Posez une question sur vos produits, vos clients");
        assertThat(page.locator("[data-examples] button")).hasCount(3);
        Locator box = page.getByLabel("Votre message");
        assertThat(box).isFocused();

        // Only spaces: the browser lets it through, the server refuses it, and says so next to the box.
        box.fill("   ");
        box.press("Enter");
        assertThat(page.locator("#assistant-problem")).hasText(Pattern.compile("Écrivez un message.*"));
        assertThat(page.locator("#assistant-message")).hasClass(Pattern.compile(".*is-invalid.*"));

        MODEL.then(Reply.tools(100, 10, new ToolCall("search_products", "{\"query\":\"arrosoir\"}"),
                        new ToolCall("find_customers", "{\"query\":\"Martin\"}")),
                Reply.tools(100, 10, new ToolCall("draft_quote", "{\"customerId\":\"" + shop.customerId()
                        + "\",\"lines\":[{\"sku\":\"ARR-V\",\"quantity\":3}]}")),
                Reply.text("Voici le devis pour <b>Claire Martin</b> : 3 arrosoirs.", 100, 10));
        // Shift+Enter starts a new line; Enter sends.
        box.fill("Prépare un devis de 3 arrosoirs");
        box.press("Shift+Enter");
        box.pressSequentially("pour Mme Martin");
        assertThat(box).hasValue("Prépare un devis de 3 arrosoirs\npour Mme Martin");
        box.press("Enter");

        page.waitForURL(Pattern.compile(".*/app/assistant\\?c=.*"));
        Locator messages = page.locator("[data-messages] > li");
        assertThat(messages.first()).hasAttribute("data-role", "user");
        assertThat(messages.first()).containsText("Prépare un devis de 3 arrosoirs\npour Mme Martin");
        Locator answer = page.locator("[data-messages] > li[data-role=assistant]");
        // The answer is text: the model's markup is shown, never interpreted.
        assertThat(answer).containsText("Voici le devis pour <b>Claire Martin</b> : 3 arrosoirs.");
        assertThat(answer.locator("b")).hasCount(0);
        assertThat(page.locator("[data-conversations] a")).hasCount(1);
        assertThat(page.locator("[data-empty-state]")).hasCount(0);
        Locator link = page.locator("[data-document-link][data-kind=quote]");
        assertThat(link).hasText(Pattern.compile("DEV-.*"));
        String number = link.textContent();

        link.click();
        page.waitForURL(Pattern.compile(".*/app/sales/quotes/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-quote-number]")).hasText(number);
        assertThat(page.locator("[data-line-sku=ARR-V] [data-quantity]")).hasValue("3");
    }

    @Test
    void aProviderThatDoesNotAnswerIsExplainedNextToTheBoxAndTheMessageIsKept() {
        // A server of its own, whose failures (each retry asks again) cannot reach the other test.
        try (FakeModelServer down = new FakeModelServer()) {
            down.then(Reply.failure(500), Reply.failure(500), Reply.failure(500), Reply.failure(500));
            Shop shop = shop("Jardin Chat Panne", down);
            Browsers.signIn(page, shop.admin().email(), shop.admin().password());
            providerDown(page);
        }
    }

    private static void providerDown(Page page) {
        page.navigate("/app/assistant");
        Locator box = page.getByLabel("Votre message");
        box.fill("Combien reste-t-il d'arrosoirs ?");
        page.locator("[data-send]").click();

        assertThat(page.locator("#assistant-problem")).hasText(Pattern.compile(".*ne répond pas.*"));
        assertThat(box).hasValue("Combien reste-t-il d'arrosoirs ?");
        // A new conversation was opened before the provider failed; the page lists it to be reopened.
        assertThat(page.locator("[data-conversations] a")).hasCount(1);
    }
}
