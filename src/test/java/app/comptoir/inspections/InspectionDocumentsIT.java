package app.comptoir.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import app.comptoir.inspections.InspectionRows.Defect;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The documents of a completed inspection as the staff download them and as anyone checks them: the report lists
 * every defect with its label, grade and comment; the certificate, for a favourable inspection only, carries a QR
 * code that reads back as the public verification address; that page shows the outcome and validity and no
 * personal data; unknown codes, other businesses' inspections and missing certificates are refused plainly.
 */
@IntegrationTest
class InspectionDocumentsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String VIN = "VF1RJA00X56123456";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    @Value("${comptoir.public-url:http://localhost:8080}")
    String publicUrl;

    InspectionRows rows;

    @BeforeEach
    void rows() {
        rows = new InspectionRows(jdbc, txManager);
    }

    @Test
    void theReportListsTheOutcomeAndEveryDefectWithItsLabelGradeAndComment() throws IOException {
        Account centre = Api.newBusiness(port, "CT Rapport");
        Instant done = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDate before = done.atZone(PARIS).toLocalDate().plusMonths(2);
        InspectionRows.Written written = rows.completed(centre, "AB-123-CD", VIN, Api.uniqueEmail("jeanne"),
                Outcome.COUNTER_VISIT, Map.of(
                        "1.1", new Defect(Grade.MAJOR, "Efficacité insuffisante à l'arrière", true),
                        "4.3", new Defect(Grade.MINOR, "Feu stop gauche faible", false)),
                done, null, before, "CT-2026-000123");

        Response pdf = Api.as(port, centre).get("/api/v1/inspections/" + written.inspectionId() + "/report.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline").contains("PV-CT-2026-000123.pdf");
        keep("report.pdf", pdf.asByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Procès-verbal de contrôle technique", "CT-2026-000123", "AB-123-CD", VIN,
                    "Renault", "Clio IV", "Jeanne Dupont", "Ligne 1", "Marc Petit", "Contre-visite obligatoire",
                    "1. Freinage", "Frein de service : efficacité", "Défaillance majeure",
                    "Efficacité insuffisante à l'arrière", "Feux stop", "Défaillance mineure", "Feu stop gauche faible",
                    "Pneumatiques", "Émissions à l'échappement", "Conforme",
                    "/verify/" + centre.tenantSlug() + "/" + written.verificationCode());
            assertThat(text.replaceAll("\\s+", " ")).contains("Contre-visite à effectuer avant le "
                    + String.format("%02d/%02d/%d", before.getDayOfMonth(), before.getMonthValue(), before.getYear()));
            // the defect's photo and the QR code
            assertThat(images(document)).isGreaterThanOrEqualTo(2);
        }

        Response english = Api.as(port, centre).queryParam("lang", "en")
                .get("/api/v1/inspections/" + written.inspectionId() + "/report.pdf");
        try (PDDocument document = Loader.loadPDF(english.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Vehicle inspection report",
                    "Re-inspection required", "Service brake: performance", "Major defect", "Stop lamps");
        }
    }

    @Test
    void theCertificateOfAFavourableInspectionCarriesAQrCodeOfTheVerificationPage() throws Exception {
        Account centre = Api.newBusiness(port, "CT Certificat");
        Instant done = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalDate validUntil = done.atZone(PARIS).toLocalDate().plusYears(2);
        InspectionRows.Written written = rows.completed(centre, "GH-456-JK", VIN, Api.uniqueEmail("jeanne"),
                Outcome.FAVOURABLE, Map.of("7.3", new Defect(Grade.MINOR, "Avertisseur faible", false)), done,
                validUntil, null, "CT-2026-000007");

        Response pdf = Api.as(port, centre).get("/api/v1/inspections/" + written.inspectionId() + "/certificate.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).startsWith("inline").contains("CERT-CT-2026-000007.pdf");
        keep("certificate.pdf", pdf.asByteArray());
        String url = publicUrl.replaceAll("/$", "") + "/verify/" + centre.tenantSlug() + "/" + written.verificationCode();
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Certificat de contrôle technique", "CT-2026-000007", "GH-456-JK", "M1",
                    "Renault", "Clio IV", "Favorable", url);
            assertThat(text).doesNotContain("Jeanne Dupont", VIN);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            assertThat(qr(page)).isEqualTo(url);
        }
        // the printed address opens the public page
        String html = Api.given(port).accept("text/html").get(url.substring(publicUrl.replaceAll("/$", "").length()))
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("CT-2026-000007", "data-standing=\"VALID\"");
    }

    @Test
    void aCounterVisitHasNoCertificate() {
        Account centre = Api.newBusiness(port, "CT Contre-visite");
        Instant done = Instant.now();
        InspectionRows.Written written = rows.completed(centre, "LM-789-NP", VIN, null, Outcome.COUNTER_VISIT,
                Map.of("5.1", new Defect(Grade.MAJOR, "Usure au-delà du témoin", false)), done, null,
                done.atZone(PARIS).toLocalDate().plusMonths(2), "CT-2026-000002");

        Api.as(port, centre).get("/api/v1/inspections/" + written.inspectionId() + "/certificate.pdf")
                .then().spec(Api.problem(409, "inspection-not-favourable"));
        Api.as(port, centre).get("/api/v1/inspections/" + written.inspectionId() + "/report.pdf")
                .then().statusCode(200);
    }

    @Test
    void anotherBusinesssInspectionAndAnUnknownOneAreNotFound() {
        Account centre = Api.newBusiness(port, "CT Un");
        Account other = Api.newBusiness(port, "CT Deux");
        InspectionRows.Written written = rows.completed(centre, "QR-321-ST", VIN, null, Outcome.FAVOURABLE, Map.of(),
                Instant.now(), LocalDate.now(PARIS).plusYears(2), null, "CT-2026-000001");

        Api.as(port, other).get("/api/v1/inspections/" + written.inspectionId() + "/report.pdf")
                .then().statusCode(404);
        Api.as(port, other).get("/api/v1/inspections/" + written.inspectionId() + "/certificate.pdf")
                .then().statusCode(404);
        Api.as(port, centre).get("/api/v1/inspections/" + UUID.randomUUID() + "/report.pdf").then().statusCode(404);
        // the public page of the other business does not know the code either
        Api.given(port).accept("text/html").get("/verify/" + other.tenantSlug() + "/" + written.verificationCode())
                .then().statusCode(404);
        Api.given(port).get("/api/v1/inspections/" + written.inspectionId() + "/report.pdf").then().statusCode(401);
    }

    @Test
    void theVerificationPageShowsOutcomeAndValidityButNoPersonalData() {
        Account centre = Api.newBusiness(port, "CT Vérification");
        String email = Api.uniqueEmail("jeanne");
        Instant done = Instant.now();
        LocalDate validUntil = LocalDate.now(PARIS).plusYears(2);
        InspectionRows.Written written = rows.completed(centre, "UV-654-WX", VIN, email, Outcome.FAVOURABLE,
                Map.of("8.2", new Defect(Grade.MINOR, "Suintement au carter", true)), done, validUntil, null,
                "CT-2026-000042");
        String path = "/verify/" + centre.tenantSlug() + "/" + written.verificationCode();

        Response page = Api.given(port).accept("text/html").get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        String html = page.asString();
        assertThat(html).contains("CT-2026-000042", "Favorable", "data-standing=\"VALID\"", "Clio IV", "M1",
                "••-•••-WX", "<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(html).doesNotContain("Jeanne", "Dupont", VIN, email, "06 12 34 56 78", "UV-654", "123456",
                "123 456", "Suintement", "data:image");

        String english = Api.given(port).accept("text/html").queryParam("lang", "en").get(path).asString();
        assertThat(english).contains("Pass", "Valid today", "Vehicle inspection no. CT-2026-000042");
    }

    @Test
    void anExpiredCertificateAndAnOverdueCounterVisitAreNotValidToday() {
        Account centre = Api.newBusiness(port, "CT Anciens");
        LocalDate today = LocalDate.now(PARIS);
        InspectionRows.Written expired = rows.completed(centre, "AA-111-BB", VIN, null, Outcome.FAVOURABLE, Map.of(),
                Instant.now().minus(800, ChronoUnit.DAYS), today.minusDays(1), null, "CT-2024-000001");
        InspectionRows.Written overdue = rows.completed(centre, "CC-222-DD", VIN, null, Outcome.UNFAVOURABLE,
                Map.of("1.1", new Defect(Grade.CRITICAL, "Freinage inexistant à l'avant droit", false)),
                Instant.now().minus(90, ChronoUnit.DAYS), null, today.minusDays(20), "CT-2026-000003");

        assertThat(Api.given(port).accept("text/html").get("/verify/" + centre.tenantSlug() + "/"
                + expired.verificationCode()).then().statusCode(200).extract().asString())
                .contains("data-standing=\"EXPIRED\"");
        assertThat(Api.given(port).accept("text/html").get("/verify/" + centre.tenantSlug() + "/"
                + overdue.verificationCode()).then().statusCode(200).extract().asString())
                .contains("data-standing=\"COUNTER_VISIT_OVERDUE\"", "Défavorable")
                .doesNotContain("Freinage inexistant");
    }

    @Test
    void anUnknownCodeOrBusinessAnswersAPageSayingTheCertificateIsUnknown() {
        Account centre = Api.newBusiness(port, "CT Inconnu");
        for (String path : new String[] {"/verify/" + centre.tenantSlug() + "/NOPE1234",
                "/verify/no-such-centre-" + UUID.randomUUID() + "/NOPE1234",
                "/verify/" + centre.tenantSlug() + "/a!b"}) {
            Response page = Api.given(port).accept("text/html").get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).as(path).contains("Certificat inconnu", "noindex")
                    .doesNotContain("Exception", "at app.comptoir");
        }
    }

    /** Kept under target/documents for a look by eye. */
    private static void keep(String name, byte[] pdf) throws IOException {
        java.nio.file.Path dir = java.nio.file.Paths.get("target", "documents", "inspections");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name), pdf);
    }

    private static int images(PDDocument document) throws IOException {
        int count = 0;
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String qr(BufferedImage image) throws NotFoundException {
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }
}
