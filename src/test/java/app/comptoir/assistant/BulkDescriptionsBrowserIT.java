package app.comptoir.assistant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * Descriptions for a selection of the product list, in Debian's headless chromium: tick products, confirm, watch
 * the job, read and correct the texts, keep some, save them into the products.
 */
@IntegrationTest
class BulkDescriptionsBrowserIT {

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
    void aManagerHasThreeProductsDescribedCorrectsOneLeavesOneOutAndSavesTheOthers() {
        Account admin = Api.newBusiness(port, "Jardin de Fourvière");
        String shears = product(admin, "Sécateur Lame d'Or", "SEC-LO");
        String hose = product(admin, "Tuyau d'arrosage 25 m", "TUY-25");
        String rake = product(admin, "Râteau à feuilles", "RAT-F");
        Browsers.signIn(page, admin.email(), admin.password());

        page.navigate("/app/catalog/products");
        // Nothing ticked: the list says so and nothing starts.
        page.locator("[data-bulk-describe] button").click();
        assertThat(page.locator("[data-catalog-conflict]")).containsText("au moins un produit");

        page.locator("[data-select-all]").check();
        assertThat(page.locator("[data-select-item]:checked")).hasCount(3);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Sélectionner Râteau à feuilles")).uncheck();
        page.locator("[data-bulk-describe] button").click();
        assertThat(page.locator("#bulk-selection")).hasText("2 produits choisis");
        page.locator("#bulk-tone").selectOption("FORMAL");
        page.locator("[data-bulk-go]").click();

        // The job runs in the background; the page reloads itself with the texts.
        assertThat(page.locator("[data-bulk-summary]")).containsText("2 texte(s) rédigé(s) sur 2 produit(s)",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.locator("[data-bulk-text]")).hasCount(2);
        var shearsText = page.locator("[data-bulk-text=\"Sécateur Lame d'Or\"] textarea");
        assertThat(shearsText).hasValue(Pattern.compile("^Nous vous présentons Sécateur Lame d'Or.*", Pattern.DOTALL));
        shearsText.fill("Un sécateur de précision, lame forgée.");
        page.locator("[data-bulk-text=\"Tuyau d'arrosage 25 m\"] input[type=checkbox]").uncheck();
        page.locator("[data-bulk-apply]").click();

        assertThat(page.locator("[data-flash]")).containsText("Une fiche produit mise à jour");
        assertThat(description(admin, shears)).isEqualTo("Un sécateur de précision, lame forgée.");
        assertThat(description(admin, hose)).isNull();
        assertThat(description(admin, rake)).isNull();
    }

    private String product(Account admin, String name, String sku) {
        return Api.as(port, admin).body(Map.of("name", name, "vatRate", 20,
                        "variants", List.of(Map.of("sku", sku, "price", new BigDecimal("19.90")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
    }

    private String description(Account admin, String id) {
        return Api.as(port, admin).get("/api/v1/products/" + id).then().statusCode(200).extract().path("description");
    }
}
