package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** A control character typed into any web form field is refused with the 400 page naming the field. */
@IntegrationTest
class WebFormInputIT {

    @LocalServerPort
    int port;

    @Test
    void aControlCharacterInAFormFieldAnswersTheFieldsNameAndSavesNothing() {
        Account admin = Api.newBusiness(port, "Caractères");
        WebSession browser = new WebSession(port);
        browser.signIn(admin.email(), admin.password());
        browser.get("/app");
        String marker = "Ctl" + UUID.randomUUID().toString().substring(0, 8);

        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        forms.put("/app/catalog/products/new", form("name", marker + "\u0000", "variants[0].sku", "CTL-1",
                "variants[0].price", "12.50", "vatRate", "20"));
        forms.put("/app/sales/customers/new", form("kind", "PERSON", "name", marker + "\u0007", "phone", "0600000000"));
        forms.put("/app/catalog/categories", form("name", marker + "\u0000", "parentId", ""));
        forms.put("/app/users/new", form("name", marker + "\u001b", "email", marker.toLowerCase() + "@example.test",
                "password", "a-long-secret-1", "roles", "VIEWER"));

        for (Map.Entry<String, Map<String, Object>> f : forms.entrySet()) {
            Page page = browser.post(f.getKey(), f.getValue());
            assertThat(page.status()).as(f.getKey()).isEqualTo(400);
            assertThat(page.body()).as(f.getKey()).contains("data-invalid-field=\"name\"");
        }
        Page english = browser.post("/app/sales/customers/new?lang=en", form("name", "a\u0000b"));
        assertThat(english.body()).contains("holds an invisible control character");

        for (String list : new String[] {"/api/v1/products?size=100", "/api/v1/customers?size=100",
                "/api/v1/categories/all", "/api/v1/users?size=100"}) {
            assertThat(Api.as(port, admin).get(list).then().statusCode(200).extract().asString()).as(list)
                    .doesNotContain(marker);
        }
    }

    /**
     * A button or field that names its form with the form attribute does nothing while that form is not
     * parsed yet: on a page still loading (a busy server, a slow phone) the second picture upload of
     * CatalogBrowserIT was lost that way. Every such form comes before the controls that name it.
     */
    @Test
    void theFormsThatButtonsNameComeBeforeTheButtonsOnTheProductPage() {
        Account admin = Api.newBusiness(port, "Formulaires");
        String product = Api.as(port, admin).body(Map.of("name", "Arrosoir", "vatRate", 20,
                        "variants", java.util.List.of(Map.of("sku", "ARR-FORM", "price", 12.5))))
                .post("/api/v1/products").then().statusCode(201).extract().path("id");
        WebSession browser = new WebSession(port);
        browser.signIn(admin.email(), admin.password());
        String html = browser.get("/app/catalog/products/" + product).body();

        java.util.regex.Matcher named = java.util.regex.Pattern.compile("\\sform=\"([^\"]+)\"").matcher(html);
        int controls = 0;
        while (named.find()) {
            controls++;
            int form = html.indexOf("id=\"" + named.group(1) + "\"");
            assertThat(form).as("form " + named.group(1)).isNotNegative().isLessThan(named.start());
        }
        assertThat(controls).as("controls naming the picture and action forms").isGreaterThanOrEqualTo(2);
    }

    private static Map<String, Object> form(Object... pairs) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
