package app.comptoir.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The description editor on the product page, through the real pages: editors see it and get a preview in the
 * language, tone and length they choose; with a provider they can regenerate; viewers neither see nor call it.
 */
@IntegrationTest
class DescriptionEditorIT {

    private static final FakeModelServer MODEL = new FakeModelServer();

    @LocalServerPort
    int port;

    @AfterAll
    static void stopModel() {
        MODEL.close();
    }

    private String product(Account admin) {
        return Api.as(port, admin).body(Map.of("name", "Arrosoir Balcon", "brand", "Verdure", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "ARR-ED", "price", new BigDecimal("12.90")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    private WebSession signedIn(Account account) {
        WebSession web = new WebSession(port);
        web.signIn(account.email(), account.password());
        return web;
    }

    @Test
    void anEditorGetsAPreviewInTheLanguageToneAndLengthChosen() {
        Account admin = Api.newBusiness(port, "Éditeur");
        String id = product(admin);
        WebSession web = signedIn(Api.newUser(port, admin, "MANAGER"));

        String page = web.get("/app/catalog/products/" + id).body();
        assertThat(page).contains("Proposer un texte").contains("id=\"assistant-editor\"").contains("/js/assistant.js");

        WebSession.Page french = web.post("/app/assistant/descriptions/preview", Map.of("productId", id,
                "tone", "FORMAL", "length", "SHORT", "language", "FR"), "HX-Request", "true");
        WebSession.Page english = web.post("/app/assistant/descriptions/preview", Map.of("productId", id,
                "tone", "FUN", "length", "LONG", "language", "EN"), "HX-Request", "true");

        assertThat(french.status()).isEqualTo(200);
        assertThat(french.body()).contains("Nous vous présentons Arrosoir Balcon").contains("Utiliser ce texte")
                .contains("Rédacteur intégré").doesNotContain("Régénérer").doesNotContain("<html");
        assertThat(english.body()).contains("Say hello to Arrosoir Balcon").contains("The need-to-know:");
    }

    @Test
    void withAProviderTheEditorRegeneratesAndTheNewTextReplacesTheCachedOne() {
        Account admin = Api.newBusiness(port, "Régénère");
        String id = product(admin);
        Api.as(port, admin).body(Map.of("provider", "openai", "model", "gpt-test", "baseUrl", MODEL.openAiBase(),
                "apiKey", "sk-test-editor-1111")).put("/api/v1/ai/settings").then().statusCode(200);
        MODEL.then(FakeModelServer.Reply.text("Premier jet.", 50, 10), FakeModelServer.Reply.text("Second jet.", 50, 12));
        WebSession web = signedIn(Api.newUser(port, admin, "MANAGER"));
        // The page the editor is on (and the form token of the signed-in session).
        assertThat(web.get("/app/catalog/products/" + id).body()).contains("Proposer un texte");
        Map<String, Object> form = Map.of("productId", id, "tone", "FRIENDLY", "length", "MEDIUM", "language", "FR");

        WebSession.Page firstPage = web.post("/app/assistant/descriptions/preview", form, "HX-Request", "true");
        assertThat(firstPage.status()).as(firstPage.headers().toString()).isEqualTo(200);
        String first = firstPage.body();
        String second = web.post("/app/assistant/descriptions/preview?regenerate=true", form, "HX-Request", "true").body();
        String again = web.post("/app/assistant/descriptions/preview", form, "HX-Request", "true").body();

        assertThat(first).contains("Premier jet.").contains("Régénérer").contains("Écrit par openai (gpt-test)");
        assertThat(second).contains("Second jet.");
        assertThat(again).contains("Second jet.").contains("Déjà rédigé");
    }

    @Test
    void aViewerNeitherSeesNorCallsTheEditor() {
        Account admin = Api.newBusiness(port, "Lecteur");
        String id = product(admin);
        WebSession web = signedIn(Api.newUser(port, admin, "VIEWER"));

        String page = web.get("/app/catalog/products/" + id).body();
        assertThat(page).contains("Arrosoir Balcon").doesNotContain("assistant-editor");
        assertThat(web.post("/app/assistant/descriptions/preview", Map.of("productId", id), "HX-Request", "true")
                .status()).isEqualTo(403);
    }
}
