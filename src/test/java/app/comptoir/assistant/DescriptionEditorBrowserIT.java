package app.comptoir.assistant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The description editor in Debian's headless chromium: suggest, use the text, save the product. */
@IntegrationTest
class DescriptionEditorBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 900);

    @LocalServerPort
    int port;

    private Page page;

    @BeforeEach
    void openPage() {
        page = browsers.page();
    }

    @Test
    void aManagerTakesTheSuggestedTextIntoTheProductAndSavesIt() {
        Account admin = Api.newBusiness(port, "Jardin du Rhône");
        String id = Api.as(port, admin).body(Map.of("name", "Sécateur Lame d'Or", "brand", "Lame d'Or", "vatRate", 20,
                        "variants", List.of(Map.of("sku", "SEC-LO", "price", new BigDecimal("31.00")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        page.navigate("/login");
        page.locator("#email").fill(admin.email());
        page.locator("#password").fill(admin.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL("**/app");

        page.navigate("/app/catalog/products/" + id);
        page.locator("#assistant-tone").selectOption("FORMAL");
        page.locator("#assistant-propose").click();
        assertThat(page.locator("#assistant-text")).hasValue(java.util.regex.Pattern.compile(
                "^Nous vous présentons Sécateur Lame d'Or.*"));
        page.locator("[data-assistant-use]").click();
        String text = page.locator("#assistant-text").inputValue();
        assertThat(page.locator("#description")).hasValue(text);
        page.waitForResponse(r -> r.request().method().equals("POST") && r.url().contains("/app/catalog/products/" + id),
                () -> page.locator("[data-save-product]").click());

        String saved = Api.as(port, admin).get("/api/v1/products/" + id).then().statusCode(200).extract()
                .path("description");
        assertThat(saved).isEqualTo(text);
    }
}
