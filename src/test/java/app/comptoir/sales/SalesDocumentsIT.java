package app.comptoir.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.domain.FacturXConformanceTest;
import app.comptoir.sales.domain.FacturXTest;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The business's legal identity and its documents through the real API: quotes, delivery notes, invoices numbered
 * without gaps and never changed, credit notes for returns; every PDF's text is extracted and checked, and the
 * invoices' Factur-X XML is taken out of the PDF/A-3 and validated against the EN16931 schema.
 */
@IntegrationTest
class SalesDocumentsIT {

    @LocalServerPort
    int port;

    @Autowired
    MoneyFormat money;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager txManager;

    private static final Map<String, Object> IDENTITY = Map.ofEntries(
            Map.entry("legalName", "Jardinerie des Tests SARL"), Map.entry("legalForm", "SARL au capital de 20 000 €"),
            Map.entry("addressLine1", "12 rue des Lilas"), Map.entry("postalCode", "69003"), Map.entry("city", "Lyon"),
            Map.entry("country", "FR"), Map.entry("siren", "812 345 676"), Map.entry("siret", "812 345 676 00017"),
            Map.entry("vatNumber", "FR 19 812345676"), Map.entry("iban", "FR76 3000 6000 0112 3456 7890 189"),
            Map.entry("bic", "AGRIFRPP"), Map.entry("bankName", "Crédit Agricole"), Map.entry("paymentDays", 30),
            Map.entry("paymentTerms", "Paiement à 30 jours par virement."));

    // ---------------------------------------------------------------- legal identity

    @Test
    void theLegalIdentityIsCheckedAndOnlyAdministratorsManageIt() {
        SalesApi shop = SalesApi.newShop(port);
        Map<String, Object> wrong = new HashMap<>(IDENTITY);
        wrong.put("siren", "812345677");
        wrong.put("vatNumber", "FR00812345676");
        wrong.put("iban", "FR7630006000011234567890188");
        shop.call().body(wrong).put("/api/v1/tenant/legal-identity").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("siren", "vatNumber", "iban"));

        JsonPath saved = shop.call().body(IDENTITY).put("/api/v1/tenant/legal-identity").then().statusCode(200)
                .extract().jsonPath();
        assertThat(saved.getString("siret")).isEqualTo("81234567600017");
        assertThat(saved.getString("vatNumber")).isEqualTo("FR19812345676");
        assertThat(shop.call().get("/api/v1/tenant/legal-identity").then().statusCode(200).extract().<String>path("iban"))
                .isEqualTo("FR7630006000011234567890189");

        // The change is in the audit trail, field by field.
        JsonPath audit = shop.call().get("/api/v1/audit?entityType=legal-identity&entityId=" + shop.admin.tenantId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getString("items[0].after.siret")).isEqualTo("81234567600017");

        Account manager = shop.user("MANAGER");
        shop.as(manager).get("/api/v1/tenant/legal-identity").then().statusCode(403);
        shop.as(manager).body(IDENTITY).put("/api/v1/tenant/legal-identity").then().statusCode(403);
    }

    @Test
    void aLogoMustBeAPngOrJpegImage() {
        SalesApi shop = SalesApi.newShop(port);
        shop.call().contentType("image/png").body("not a picture".getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/tenant/legal-identity/logo").then().spec(Api.problem(400, "validation"));
        shop.call().contentType("image/png").body(png()).put("/api/v1/tenant/legal-identity/logo")
                .then().statusCode(204);
        assertThat(shop.call().get("/api/v1/tenant/legal-identity").then().statusCode(200)
                .extract().<Boolean>path("hasLogo")).isTrue();
    }

    // ---------------------------------------------------------------- invoices

    @Test
    void aDeliveredOrderIsInvoicedAsPdfA3WithAValidFacturXXml() throws Exception {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(id, status);
        }
        JsonPath invoice = awaitDocuments(shop, id, 1).get(0);
        String number = invoice.getString("number");
        int year = Integer.parseInt(invoice.getString("issuedOn").substring(0, 4));
        assertThat(number).isEqualTo("FAC-" + year + "-000001");

        Response pdf = shop.call().get("/api/v1/orders/" + id + "/invoice.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains(number + ".pdf");
        keep("invoice.pdf", pdf.asByteArray());
        // Two VAT rates, a discounted line and a delivery fee: PDF/A-3 (veraPDF) and EN 16931 + Factur-X Schematron.
        FacturXConformanceTest.assertConforms(pdf.asByteArray(), number + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = text(document);
            assertThat(text).contains("Facture", number, order.getString("number"), "Jardinerie des Tests SARL",
                    "SIRET 81234567600017", "FR19812345676", "Lucie Bernard", "3 chemin du Moulin", "Rosier grimpant",
                    "Paiement à 30 jours par virement.", "FR7630006000011234567890189",
                    "pénalités", "40 €", "Total TTC", eur(order, "totals.net"), eur(order, "totals.gross"));
            for (int i = 0; i < order.getList("totals.byRate").size(); i++) {
                assertThat(text).contains(eur(order, "totals.byRate[" + i + "].vat"));
            }

            String metadata = new String(document.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("<pdfaid:part>3</pdfaid:part>", "<fx:DocumentFileName>factur-x.xml",
                    "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>", "Factur-X PDFA Extension Schema");
            assertThat(document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF")))
                    .isInstanceOf(COSArray.class);
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);

            String xml = facturX(document);
            FacturXTest.assertValidEn16931(xml);
            assertThat(xml).contains("<ram:ID>" + number + "</ram:ID>", "<ram:TypeCode>380</ram:TypeCode>",
                    "<ram:URIID schemeID=\"0225\">812345676</ram:URIID>",
                    "<ram:URIID schemeID=\"EM\">lucie.bernard@example.fr</ram:URIID>", "<ram:SubjectCode>PMD</ram:SubjectCode>",
                    "<ram:GrandTotalAmount>" + amount(order, "totals.gross") + "</ram:GrandTotalAmount>",
                    "<ram:TaxTotalAmount currencyID=\"EUR\">" + amount(order, "totals.vat") + "</ram:TaxTotalAmount>",
                    "<ram:ID schemeID=\"VA\">FR19812345676</ram:ID>");
        }
    }

    @Test
    void tenInvoicesIssuedAtOnceAreNumberedWithoutGapsOrDuplicates() throws Exception {
        SalesApi shop = identified();
        String variant = shop.stocked("Bulbe", "BUL-N", "1.00", 20, 100);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = shop.order(variant, 1).getString("id");
            shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
            orders.add(id);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonPath>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (String id : orders) {
                results.add(pool.submit(() -> {
                    start.await();
                    return shop.call().post("/api/v1/orders/" + id + "/invoice").then().statusCode(201)
                            .extract().jsonPath();
                }));
            }
            start.countDown();
        }
        List<String> numbers = new ArrayList<>();
        for (Future<JsonPath> result : results) {
            numbers.add(result.get().getString("number"));
        }
        String prefix = numbers.getFirst().substring(0, 9);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(n -> prefix + String.format("%06d", n)).toList());
    }

    @Test
    void anInvoiceIsNeverChanged() {
        SalesApi shop = identified();
        String variant = shop.stocked("Bulbe", "BUL-E", "1.00", 20, 10);
        String draft = shop.order(variant, 1).getString("id");
        shop.call().post("/api/v1/orders/" + draft + "/invoice").then().spec(Api.problem(409, "not-invoiceable"));

        shop.call().post("/api/v1/orders/" + draft + "/confirm").then().statusCode(200);
        JsonPath first = shop.call().post("/api/v1/orders/" + draft + "/invoice").then().statusCode(201)
                .extract().jsonPath();
        // Issuing again (or delivering later) gives the same invoice, never a second one.
        JsonPath again = shop.call().post("/api/v1/orders/" + draft + "/invoice").then().statusCode(201)
                .extract().jsonPath();
        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        for (String status : List.of("PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(draft, status);
        }
        assertThat(shop.call().get("/api/v1/orders/" + draft + "/invoices").then().statusCode(200).extract()
                .jsonPath().getList("number")).containsExactly(first.getString("number"));
        // The API has no way to change it, and the database refuses to.
        shop.call().body(Map.of()).put("/api/v1/invoices/" + first.getString("id") + "/pdf").then().statusCode(405);
        UUID invoiceId = UUID.fromString(first.getString("id"));
        TransactionTemplate tx = new TransactionTemplate(txManager);
        assertThatThrownBy(() -> tenantContext.runAs(shop.admin.tenantId(), () -> tx.executeWithoutResult(s ->
                jdbc.update("update sales_invoices set gross = 0 where id = ?", invoiceId))))
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> tenantContext.runAs(shop.admin.tenantId(), () -> tx.executeWithoutResult(s ->
                jdbc.update("delete from sales_invoices where id = ?", invoiceId))))
                .hasMessageContaining("never changed");
    }

    @Test
    void aReturnGetsACreditNoteThatReferencesTheInvoice() throws Exception {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(id, status);
        }
        String roseLine = order.getString("lines.find { it.sku == 'ROS-01' }.id");
        shop.call().body(Map.of("lines", List.of(Map.of("lineId", roseLine, "quantity", 1)), "reason", "Rosier abîmé"))
                .post("/api/v1/orders/" + id + "/returns").then().statusCode(201);
        List<JsonPath> documents = awaitDocuments(shop, id, 2);
        JsonPath invoice = documents.get(0);
        JsonPath credit = documents.get(1);
        assertThat(credit.getString("kind")).isEqualTo("AVO");
        assertThat(credit.getString("number")).matches("AVO-\\d{4}-000001");
        assertThat(credit.getString("invoiceId")).isEqualTo(invoice.getString("id"));
        // One rose at 12.50 excluding VAT + 20 % = 15.00.
        assertThat(new BigDecimal(credit.getString("gross"))).isEqualByComparingTo("15.00");

        byte[] pdf = shop.call().get("/api/v1/invoices/" + credit.getString("id") + "/pdf").then().statusCode(200)
                .extract().asByteArray();
        keep("credit-note.pdf", pdf);
        FacturXConformanceTest.assertConforms(pdf, credit.getString("number") + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Avoir", credit.getString("number"), "Avoir sur la facture " + invoice.getString("number"),
                    "Rosier abîmé", "Rosier grimpant", "SIRET 81234567600017", "15,00 €", "12,50 €");
            String xml = facturX(document);
            FacturXTest.assertValidEn16931(xml);
            assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>",
                    "<ram:IssuerAssignedID>" + invoice.getString("number") + "</ram:IssuerAssignedID>");
        }
        assertThat(shop.call().get("/api/v1/customers/" + order.getString("customer.id") + "/invoices").then()
                .statusCode(200).extract().jsonPath().getList("number"))
                .containsExactlyInAnyOrder(invoice.getString("number"), credit.getString("number"));
    }

    @Test
    void aManagerCreditsAnInvoiceWithoutAReturnButNeverMoreThanWasInvoiced() throws Exception {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        JsonPath invoice = invoicedNow(shop, id);
        String credits = "/api/v1/invoices/" + invoice.getString("id") + "/credit-notes";
        Account manager = shop.user("MANAGER");

        // Every mistake at once: no reason, four roses of three, a rate the invoice does not have.
        shop.as(manager).body(Map.of("reason", " ", "lines", List.of(Map.of("line", 1, "quantity", 4)),
                        "amounts", List.of(Map.of("vatRate", 7, "net", 1))))
                .post(credits).then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("reason", "lines[0].quantity", "amounts[0].vatRate"));
        // 20 %: 3 roses at 12.50 and the 9.90 fee = 47.40 invoiced excluding VAT; one cent more is refused.
        shop.as(manager).body(Map.of("reason", "Erreur de prix", "amounts", List.of(Map.of("vatRate", 20, "net", "47.41"))))
                .post(credits).then().spec(Api.problem(400, "validation"))
                .body("detail", org.hamcrest.Matchers.containsString("at 20 % at most 47.40 EUR"));

        // A rose at the invoice's price and a 2.00 gesture on the soil (10 %): 15.00 + 2.20.
        JsonPath credit = shop.as(manager).body(Map.of("reason", "Geste commercial : livraison en retard",
                        "lines", List.of(Map.of("line", 1, "quantity", 1)),
                        "amounts", List.of(Map.of("vatRate", 10, "net", "2.00"))))
                .post(credits).then().statusCode(201).extract().jsonPath();
        assertThat(credit.getString("kind")).isEqualTo("AVO");
        assertThat(credit.getString("number")).matches("AVO-\\d{4}-000001");
        assertThat(credit.getString("invoiceId")).isEqualTo(invoice.getString("id"));
        assertThat(new BigDecimal(credit.getString("gross"))).isEqualByComparingTo("17.20");

        byte[] pdf = shop.call().get("/api/v1/invoices/" + credit.getString("id") + "/pdf").then().statusCode(200)
                .extract().asByteArray();
        keep("manual-credit-note.pdf", pdf);
        FacturXConformanceTest.assertConforms(pdf, credit.getString("number") + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Avoir", credit.getString("number"),
                    "Avoir sur la facture " + invoice.getString("number"), "Geste commercial : livraison en retard",
                    "Rosier grimpant", "Remise accordée", "12,50 €", "2,00 €", "17,20 €", "Jardinerie des Tests SARL",
                    "SIRET 81234567600017", "FR19812345676", "Lucie Bernard");
            String xml = facturX(document);
            assertThat(xml).contains("<ram:TypeCode>381</ram:TypeCode>",
                    "<ram:IssuerAssignedID>" + invoice.getString("number") + "</ram:IssuerAssignedID>",
                    "<ram:GrandTotalAmount>17.20</ram:GrandTotalAmount>");
        }
        // What remains at 20 % is now 34.90; the refusal says so. A viewer may not credit at all.
        shop.as(manager).body(Map.of("reason", "Erreur de prix", "amounts", List.of(Map.of("vatRate", 20, "net", "34.91"))))
                .post(credits).then().spec(Api.problem(400, "validation"))
                .body("detail", org.hamcrest.Matchers.containsString("at 20 % at most 34.90 EUR"));
        shop.as(shop.user("VIEWER")).body(Map.of("reason", "x", "amounts", List.of(Map.of("vatRate", 20, "net", "1"))))
                .post(credits).then().statusCode(403);
        // A credit note is not credited.
        shop.as(manager).body(Map.of("reason", "x", "amounts", List.of(Map.of("vatRate", 20, "net", "1"))))
                .post("/api/v1/invoices/" + credit.getString("id") + "/credit-notes").then()
                .spec(Api.problem(409, "not-an-invoice"));
        assertThat(shop.call().get("/api/v1/orders/" + id + "/invoices").then().statusCode(200).extract().jsonPath()
                .getList("number")).containsExactly(invoice.getString("number"), credit.getString("number"));
    }

    @Test
    void aRetriedCreditNoteWithTheSameIdempotencyKeyIsIssuedOnce() {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        JsonPath invoice = invoicedNow(shop, id);
        String credits = "/api/v1/invoices/" + invoice.getString("id") + "/credit-notes";
        Account manager = shop.user("MANAGER");
        Map<String, Object> gesture = Map.of("reason", "Geste commercial",
                "lines", List.of(Map.of("line", 1, "quantity", 1)));

        JsonPath first = shop.as(manager).header("Idempotency-Key", "avoir-1").body(gesture)
                .post(credits).then().statusCode(201).extract().jsonPath();
        // The retry (a network retry, a double click) answers the same credit note and issues none.
        JsonPath again = shop.as(manager).header("Idempotency-Key", "avoir-1").body(gesture)
                .post(credits).then().statusCode(200).header("Idempotent-Replayed", "true").extract().jsonPath();
        assertThat(again.getString("id")).isEqualTo(first.getString("id"));
        assertThat(again.getString("number")).isEqualTo(first.getString("number"));
        // The key with another credit note is refused as orders refuse it.
        shop.as(manager).header("Idempotency-Key", "avoir-1")
                .body(Map.of("reason", "Geste commercial", "lines", List.of(Map.of("line", 1, "quantity", 2))))
                .post(credits).then().spec(Api.problem(422, "idempotency-key-reused"));
        // A late retry, after another credit note took all that remained at 20 %, is still the same credit note.
        String rest = shop.as(manager).body(Map.of("reason", "Erreur de prix",
                        "amounts", List.of(Map.of("vatRate", 20, "net", "34.90"))))
                .post(credits).then().statusCode(201).extract().path("number");
        assertThat(shop.as(manager).header("Idempotency-Key", "avoir-1").body(gesture).post(credits).then()
                .statusCode(200).extract().jsonPath().getString("id")).isEqualTo(first.getString("id"));
        assertThat(shop.call().get("/api/v1/orders/" + id + "/invoices").then().statusCode(200).extract().jsonPath()
                .getList("number")).containsExactly(invoice.getString("number"), first.getString("number"), rest);
        // A key used for one invoice's credit note is refused on another's.
        String other = shop.call().body(Map.of("customerId", order.getString("customer.id"), "lines",
                        List.of(SalesApi.line(order.getString("lines[0].variantId"), 1))))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        JsonPath otherInvoice = invoicedNow(shop, other);
        shop.as(manager).header("Idempotency-Key", "avoir-1").body(gesture)
                .post("/api/v1/invoices/" + otherInvoice.getString("id") + "/credit-notes").then()
                .spec(Api.problem(422, "idempotency-key-reused"));
    }

    @Test
    void aReturnAfterAManualCreditNoteCreditsOnlyWhatRemainsAndRefundsAsMuch() {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        // One rose of three credited without a return (12.50 + 20 % = 15.00).
        JsonPath invoice = deliveredThenRosesCredited(shop, id, 1);
        // The three roses come back: they are restocked, but only the two not credited yet are credited and refunded.
        String rose = order.getString("lines.find { it.sku == 'ROS-01' }.variantId");
        int before = shop.stock(rose).getInt("onHand");
        JsonPath returned = returnRoses(shop, order, 3, "Rosiers refusés");
        assertThat(new BigDecimal(returned.getString("refunded"))).isEqualByComparingTo("30.00");
        assertThat(shop.stock(rose).getInt("onHand")).isEqualTo(before + 3);
        List<JsonPath> documents = awaitDocuments(shop, id, 3);
        JsonPath ofReturn = documents.get(2);
        assertThat(new BigDecimal(ofReturn.getString("net"))).isEqualByComparingTo("25.00");
        assertThat(new BigDecimal(ofReturn.getString("gross"))).isEqualByComparingTo("30.00");

        // Invoice less credit notes never goes below zero at any rate.
        BigDecimal net = new BigDecimal(invoice.getString("net"));
        for (JsonPath credit : documents.subList(1, documents.size())) {
            net = net.subtract(new BigDecimal(credit.getString("net")));
        }
        assertThat(net).isEqualByComparingTo("17.10"); // 20 %: the 9.90 fee; 10 %: the soil's 7.20
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tenantContext.runAs(shop.admin.tenantId(), () -> tx.executeWithoutResult(s -> {
            List<Map<String, Object>> byRate = jdbc.queryForList("""
                    select (l->>'vatRate')::numeric as rate,
                           sum(case when kind = 'FAC' then 1 else -1 end * (l->>'net')::numeric) as remaining
                      from sales_invoices, jsonb_array_elements(content->'lines') l
                     where order_id = ?::uuid group by 1""", id);
            assertThat(byRate).hasSize(2).allSatisfy(r -> assertThat((BigDecimal) r.get("remaining")).isNotNegative());
            assertThat(byRate).extracting(r -> ((BigDecimal) r.get("remaining")).stripTrailingZeros().toPlainString())
                    .containsExactlyInAnyOrder("9.9", "7.2");
        }));
    }

    @Test
    void aReturnOfGoodsAlreadyCreditedInFullGetsNoCreditNoteAndNoRefund() {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        deliveredThenRosesCredited(shop, id, 3);
        JsonPath returned = returnRoses(shop, order, 1, "Rosier refusé");
        assertThat(new BigDecimal(returned.getString("refunded"))).isEqualByComparingTo("0");
        assertThat(returned.getList("returns")).hasSize(1);
        // The return's reaction ran (its publication completed) and issued nothing.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from event_publication where listener_id = ? and completion_date is null
                  and serialized_event like ?""", Long.class, "sales.credit-note-for-return", "%" + id + "%") == 0);
        assertThat(documentsOf(shop.call(), id)).hasSize(2);
    }

    /** Confirms the order and invoices it now, in the office. */
    private static JsonPath invoicedNow(SalesApi shop, String orderId) {
        shop.call().post("/api/v1/orders/" + orderId + "/confirm").then().statusCode(200);
        return shop.call().post("/api/v1/orders/" + orderId + "/invoice").then().statusCode(201).extract().jsonPath();
    }

    /**
     * Delivers {@link #customerOrder} and has a manager credit {@code roses} of its roses by hand (no return);
     * answers the invoice, issued by the delivery's reaction.
     */
    private static JsonPath deliveredThenRosesCredited(SalesApi shop, String orderId, int roses) {
        for (String status : List.of("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")) {
            shop.move(orderId, status);
        }
        JsonPath invoice = awaitDocuments(shop, orderId, 1).get(0);
        shop.as(shop.user("MANAGER")).body(Map.of("reason", "Rosiers abîmés à la livraison",
                        "lines", List.of(Map.of("line", 1, "quantity", roses))))
                .post("/api/v1/invoices/" + invoice.getString("id") + "/credit-notes").then().statusCode(201);
        return invoice;
    }

    /** Records the return of roses of {@link #customerOrder}, answering the order. */
    private static JsonPath returnRoses(SalesApi shop, JsonPath order, int quantity, String reason) {
        String roseLine = order.getString("lines.find { it.sku == 'ROS-01' }.id");
        return shop.call().body(Map.of("lines", List.of(Map.of("lineId", roseLine, "quantity", quantity)),
                        "reason", reason))
                .post("/api/v1/orders/" + order.getString("id") + "/returns").then().statusCode(201)
                .extract().jsonPath();
    }

    // ---------------------------------------------------------------- quote and delivery note

    @Test
    void theQuotePrintsTheSellerTheCustomerTheTermsAndBonPourAccord() throws Exception {
        SalesApi shop = identified();
        String rose = shop.stocked("Rosier grimpant", "ROS-Q", "12.50", 20, 10);
        String customer = shop.customer("Lucie Bernard", "06 12 34 56 78");
        shop.call().body(Map.of("line1", "3 chemin du Moulin", "city", "Grenoble", "postalCode", "38000"))
                .post("/api/v1/customers/" + customer + "/addresses").then().statusCode(201);
        JsonPath quote = shop.call().body(Map.of("customerId", customer, "lines", List.of(SalesApi.line(rose, 2))))
                .post("/api/v1/quotes").then().statusCode(201).extract().jsonPath();
        Response pdf = shop.call().get("/api/v1/quotes/" + quote.getString("id") + "/quote.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        keep("quote.pdf", pdf.asByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = text(document);
            assertThat(text).contains("Devis", quote.getString("number"), "Jardinerie des Tests SARL",
                    "12 rue des Lilas", "SIRET 81234567600017", "FR19812345676", "Lucie Bernard", "3 chemin du Moulin",
                    "Rosier grimpant", "Paiement à 30 jours par virement.", "Bon pour accord",
                    eur(quote, "totals.net"), eur(quote, "totals.gross"));
        }
    }

    @Test
    void theDeliveryNoteListsTheItemsTheAddressAndASignatureArea() throws Exception {
        SalesApi shop = identified();
        JsonPath order = customerOrder(shop);
        String id = order.getString("id");
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        byte[] pdf = shop.call().get("/api/v1/orders/" + id + "/delivery-note.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        keep("delivery-note.pdf", pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Bon de livraison", order.getString("number"), "Jardinerie des Tests SARL",
                    "Lucie Bernard", "5 impasse des Roses", "Rosier grimpant", "ROS-01", "Terreau", "Reçu en bon état")
                    .doesNotContain("Total TTC");
        }
        // A document of an order of another business is not found.
        SalesApi other = SalesApi.newShop(port);
        other.call().get("/api/v1/orders/" + id + "/delivery-note.pdf").then().statusCode(404);
    }

    @Test
    void aShopInCfaFrancsInvoicesWithoutDecimals() throws Exception {
        SalesApi shop = SalesApi.newShop(port, "XOF");
        shop.call().body(Map.of("legalName", "Boutique Test", "country", "SN", "ninea", "005123456 2G3",
                "rccm", "SN-DKR-2019-A-12345")).put("/api/v1/tenant/legal-identity").then().statusCode(200);
        String rice = shop.stocked("Riz brisé 25 kg", "RIZ-25", "15000", 18, 10);
        JsonPath order = shop.order(rice, 2);
        String id = order.getString("id");
        shop.call().post("/api/v1/orders/" + id + "/confirm").then().statusCode(200);
        String invoice = shop.call().post("/api/v1/orders/" + id + "/invoice").then().statusCode(201).extract().path("id");
        byte[] pdf = shop.call().get("/api/v1/invoices/" + invoice + "/pdf").then().statusCode(200).extract().asByteArray();
        // The French e-invoicing rules (BR-FR-*) do not apply to a business in Senegal; EN 16931 and PDF/A-3 do.
        FacturXConformanceTest.assertConforms(pdf, "invoice-xof.pdf", true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Boutique Test", "NINEA 005123456 2G3", "RCCM SN-DKR-2019-A-12345",
                    money.format(new BigDecimal(order.getString("totals.gross")), "XOF", Locale.FRENCH)
                            .replaceAll("[\\u00a0\\u202f]", " "))
                    // no French late-payment mentions for a Senegalese business
                    .doesNotContain("40 €");
            String xml = facturX(document);
            FacturXTest.assertValidEn16931(xml);
            assertThat(xml).contains("<ram:GrandTotalAmount>" + new BigDecimal(order.getString("totals.gross"))
                    .setScale(0).toPlainString() + "</ram:GrandTotalAmount>");
        }
    }

    @Test
    void theDemoDeliveryBusinessHasItsLegalIdentityAndItsDeliveredOrdersAreInvoiced() {
        String token = Api.token(port, "admin@express-livraison.demo", Api.DEMO_PASSWORD);
        assertThat(Api.as(port, token).get("/api/v1/tenant/legal-identity").then().statusCode(200)
                .extract().<String>path("siret")).isEqualTo("83456789300013");
        String delivered = Api.as(port, token).queryParam("status", "DELIVERED").get("/api/v1/orders").then()
                .statusCode(200).extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(port, token).get("/api/v1/orders/" + delivered
                + "/invoices").then().statusCode(200).extract().jsonPath().getList("kind").contains("FAC"));
        Api.as(port, token).get("/api/v1/orders/" + delivered + "/invoice.pdf").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void theGardenShopsDeliveredHistoryIsInvoicedNumberedWithoutGapsPerYear() throws Exception {
        String token = Api.token(port, "manager@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        String before = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(30).toString();
        JsonPath old = Api.as(port, token).queryParam("status", "DELIVERED").queryParam("to", before)
                .get("/api/v1/orders").then().statusCode(200).extract().jsonPath();
        String id = old.getString("items[0].id");
        List<JsonPath> documents = documentsOf(Api.as(port, token), id);
        assertThat(documents.getFirst().getString("kind")).isEqualTo("FAC");
        String number = documents.getFirst().getString("number");
        assertThat(number).matches("FAC-\\d{4}-\\d{6}");
        // The customer's page lists it too, and it prints like any invoice.
        String customer = Api.as(port, token).get("/api/v1/orders/" + id).then().statusCode(200).extract()
                .path("customer.id");
        assertThat(Api.as(port, token).get("/api/v1/customers/" + customer + "/invoices").then().statusCode(200)
                .extract().jsonPath().getList("number")).contains(number);
        byte[] pdf = Api.as(port, token).get("/api/v1/invoices/" + documents.getFirst().getString("id") + "/pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(text(document)).contains("Facture", number, old.getString("items[0].number"), "Total TTC");
        }
        // Every year's invoices run 1..n without a gap, and the counter goes on from n.
        UUID tenant = jdbc.queryForObject("select id from tenants where slug = 'jardin-des-lilas'", UUID.class);
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> {
            List<Map<String, Object>> years = jdbc.queryForList("""
                    select y.year, y.n, y.last, y.distinct_numbers, c.last_value as counter
                      from (select extract(year from issued_on)::int as year, count(*) as n,
                                   max(substring(number from 10)::int) as last, count(distinct number) as distinct_numbers
                              from sales_invoices where kind = 'FAC' group by 1) y
                      left join sales_invoice_counters c on c.kind = 'FAC' and c.year = y.year""");
            assertThat(years).isNotEmpty();
            for (Map<String, Object> y : years) {
                assertThat(((Number) y.get("n")).longValue()).as("year %s", y.get("year"))
                        .isEqualTo(((Number) y.get("last")).longValue())
                        .isEqualTo(((Number) y.get("distinct_numbers")).longValue())
                        .isEqualTo(((Number) y.get("counter")).longValue());
            }
            // The history's last three months are invoiced (the older orders by the shop's previous till).
            String recent = " o.status = 'DELIVERED' and o.sold_at between now() - interval '80 days'"
                    + " and now() - interval '2 days'";
            long delivered = jdbc.queryForObject("select count(*) from sales_orders o where" + recent, Long.class);
            long invoiced = jdbc.queryForObject("select count(*) from sales_invoices i join sales_orders o on o.id ="
                    + " i.order_id where i.kind = 'FAC' and" + recent, Long.class);
            assertThat(invoiced).isEqualTo(delivered).isGreaterThan(50);
        }));
    }

    // ---------------------------------------------------------------- helpers

    /** A fresh shop with its legal identity filled in. */
    private SalesApi identified() {
        SalesApi shop = SalesApi.newShop(port);
        shop.call().body(IDENTITY).put("/api/v1/tenant/legal-identity").then().statusCode(200);
        return shop;
    }

    /**
     * An order of Lucie Bernard (billing address in Grenoble, delivered in Lyon) with two VAT rates, a 10 % discount on
     * the soil and a delivery fee.
     */
    private static JsonPath customerOrder(SalesApi shop) {
        String rose = shop.stocked("Rosier grimpant", "ROS-01", "12.50", 20, 10);
        String soil = shop.stocked("Terreau universel", "TER-01", "4.00", 10, 10);
        String customer = shop.call().body(Map.of("name", "Lucie Bernard", "phone", "06 12 34 56 78",
                "email", "lucie.bernard@example.fr")).post("/api/v1/customers").then().statusCode(201).extract().path("id");
        shop.call().body(Map.of("line1", "3 chemin du Moulin", "city", "Grenoble", "postalCode", "38000",
                        "defaultBilling", true))
                .post("/api/v1/customers/" + customer + "/addresses").then().statusCode(201);
        String delivery = shop.call().body(Map.of("line1", "5 impasse des Roses", "city", "Lyon", "postalCode", "69003"))
                .post("/api/v1/customers/" + customer + "/addresses").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("deliveryAddressId", delivery);
        Map<String, Object> discounted = SalesApi.line(soil, 2);
        discounted.put("discount", new BigDecimal("10"));
        body.put("lines", List.of(SalesApi.line(rose, 3), discounted));
        body.put("deliveryFee", new BigDecimal("9.90"));
        return shop.call().body(body).post("/api/v1/orders").then().statusCode(201).extract().jsonPath();
    }

    /** The order's invoice and credit notes as a user sees them. */
    private static List<JsonPath> documentsOf(io.restassured.specification.RequestSpecification call, String orderId) {
        String list = call.get("/api/v1/orders/" + orderId + "/invoices").then().statusCode(200).extract().asString();
        return IntStream.range(0, JsonPath.from(list).getList("$").size())
                .mapToObj(i -> JsonPath.from(list).setRootPath("[" + i + "]")).toList();
    }

    /** The order's invoice and credit notes, once the asynchronous reactions issued {@code count} of them. */
    private static List<JsonPath> awaitDocuments(SalesApi shop, String orderId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.call().get("/api/v1/orders/" + orderId + "/invoices")
                .then().statusCode(200).extract().jsonPath().getList("$").size() >= count);
        String list = shop.call().get("/api/v1/orders/" + orderId + "/invoices").then().extract().asString();
        return IntStream.range(0, count).mapToObj(i -> JsonPath.from(list).setRootPath("[" + i + "]")).toList();
    }

    private String eur(JsonPath json, String path) {
        return money.format(new BigDecimal(json.getString(path)), "EUR", Locale.FRENCH).replaceAll("[\\u00a0\\u202f]", " ");
    }

    private static String amount(JsonPath json, String path) {
        return new BigDecimal(json.getString(path)).setScale(2).toPlainString();
    }

    /** Keeps the document under {@code target/documents} to look at (and for the user guide's pictures). */
    private static void keep(String name, byte[] pdf) throws IOException {
        java.nio.file.Path dir = java.nio.file.Paths.get("target", "documents");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), pdf);
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("[\\u00a0\\u202f]", " ");
    }

    /** The {@code factur-x.xml} attachment, checked to be declared as the invoice's alternative form. */
    private static String facturX(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
        PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get("factur-x.xml");
        assertThat(spec).isNotNull();
        assertThat(spec.getCOSObject().getNameAsString(COSName.getPDFName("AFRelationship"))).isEqualTo("Alternative");
        return new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
    }

    /** A 2 × 2 PNG. */
    private static byte[] png() {
        try (var out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
