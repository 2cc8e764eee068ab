package app.comptoir.sales;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/** The office fills in the business's legal identity, invoices an order and downloads its documents (French). */
@IntegrationTest
class SalesDocumentsBrowserIT {

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
    void theAdministratorEntersTheLegalIdentityAndAWrongSiretIsShownNextToTheField() {
        SalesApi shop = SalesApi.newShop(port);
        signIn(shop.admin);
        page.navigate("/app/settings/legal");
        assertThat(page.locator("h1")).hasText("Identité légale");
        page.locator("#legalName").fill("Jardinerie des Tests SARL");
        page.locator("#siren").fill("812 345 676");
        page.locator("#siret").fill("812 345 676 00018");
        page.locator("#vatNumber").fill("FR19 812345676");
        page.locator("#iban").fill("FR76 3000 6000 0112 3456 7890 189");
        page.locator("#legal-form button[type=submit]").click();
        assertThat(page.locator("#siret-error")).containsText("14 chiffres");
        assertThat(page.locator("#siret")).hasClass(Pattern.compile("is-invalid"));

        page.locator("#siret").fill("812 345 676 00017");
        page.locator("#legal-form button[type=submit]").click();
        assertThat(page.locator("[data-flash]")).containsText("L'identité légale a été enregistrée.");
        assertThat(page.locator("#siret")).hasValue("81234567600017");
        browsers.screenshot("legal-identity");
    }

    @Test
    void theOfficeInvoicesAConfirmedOrderAndDownloadsTheInvoiceFromTheOrderPage() throws Exception {
        SalesApi shop = SalesApi.newShop(port);
        String id = confirmedOrder(shop, "ROS-B");

        signIn(shop.admin);
        page.navigate("/app/sales/orders/" + id);
        assertThat(page.locator("[data-documents]")).containsText("Factures et avoirs");
        page.locator("[data-issue-invoice]").click();
        assertThat(page.locator("[data-documents] .alert-success")).containsText(Pattern.compile("Facture FAC-\\d{4}-000001 établie"));
        browsers.screenshot("order-documents");

        Download download = page.waitForDownload(() -> page.locator("[data-document-pdf='FAC']").click());
        assertThat(download.suggestedFilename()).matches("FAC-\\d{4}-000001\\.pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(text).contains("Facture", "Jardinerie des Tests SARL", "SIRET 81234567600017", "Rosier grimpant",
                    "Total TTC 30,00 €");
        }

        Download note = page.waitForDownload(() -> page.locator("[data-delivery-note-pdf]").click());
        assertThat(note.suggestedFilename()).startsWith("BL-CMD-");
        assertThat(new String(Files.readAllBytes(note.path()), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void theOfficeIssuesACreditNoteWithoutAReturnFromTheOrderPage() throws Exception {
        SalesApi shop = SalesApi.newShop(port);
        String id = confirmedOrder(shop, "ROS-C");
        shop.call().post("/api/v1/orders/" + id + "/invoice").then().statusCode(201);

        signIn(shop.admin);
        page.navigate("/app/sales/orders/" + id);
        page.locator("[data-credit-note] summary").click();
        // Three roses of two, no reason: both refused next to their fields.
        page.locator("#credit-line-0").fill("3");
        page.locator("[data-issue-credit-note]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("#credit-reason-error")).containsText("Saisissez le motif de l'avoir.");
        assertThat(page.locator("#credit-line-0 + .invalid-feedback")).containsText("Plus que la quantité facturée.");
        browsers.screenshot("order-credit-note-errors");

        page.locator("#credit-line-0").fill("0");
        page.locator("#credit-amount-0").fill("5,00");
        page.locator("#credit-reason").fill("Geste commercial : fleurs fanées");
        // What the form sends, key included: sent once more below, as a double submit would.
        String sent = (String) page.evaluate("() => new URLSearchParams(new FormData("
                + "document.querySelector('[data-credit-note] form'))).toString()");
        String action = page.locator("[data-credit-note] form").getAttribute("action");
        page.locator("[data-issue-credit-note]").click();
        page.locator("#confirm-modal [data-confirm-ok]").click();
        assertThat(page.locator("[data-credit-flash]")).containsText(Pattern.compile("Avoir AVO-\\d{4}-000001 établi"));
        page.evaluate("([action, body]) => fetch(action, {method: 'POST', body, credentials: 'same-origin', "
                + "headers: {'Content-Type': 'application/x-www-form-urlencoded'}}).then(r => r.status)",
                List.of(action, sent));
        page.navigate("/app/sales/orders/" + id);
        assertThat(page.locator("[data-document-pdf='AVO']")).hasCount(1);

        Download download = page.waitForDownload(() -> page.locator("[data-document-pdf='AVO']").click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(text).contains("Avoir", "Geste commercial : fleurs fanées", "Remise accordée", "6,00 €");
        }
    }

    /** A confirmed order of two roses at 12.50 excluding VAT, in a shop with its legal identity. */
    private static String confirmedOrder(SalesApi shop, String sku) {
        shop.call().body(Map.of("legalName", "Jardinerie des Tests SARL", "siret", "81234567600017",
                "vatNumber", "FR19812345676")).put("/api/v1/tenant/legal-identity").then().statusCode(200);
        String rose = shop.stocked("Rosier grimpant", sku, "12.50", 20, 10);
        String id = shop.order(rose, 2).getString("id");
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        return id;
    }

    private void signIn(Account account) {
        Browsers.signIn(page, account.email(), account.password());
    }
}
