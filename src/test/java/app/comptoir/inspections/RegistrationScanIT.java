package app.comptoir.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;


import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.inspections.application.VehicleDocuments;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The registration-document scan and the documents kept for a vehicle, over HTTP: a drawn document's fields come
 * back for confirmation, junk is refused with problem details, a viewer may not scan; a kept document is sealed in
 * the database (neither its bytes nor their Base64 are there), downloaded as it was, invisible to another business,
 * and deleted once the retention period has passed.
 */
@IntegrationTest
class RegistrationScanIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    VehicleDocuments documents;

    private <T> T as(UUID tenant, Supplier<T> work) {
        return tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    private RequestSpecification multipart(Account account) {
        return Api.as(port, account).contentType("multipart/form-data");
    }

    @Test
    void aScannedDocumentProposesItsFieldsWithTheirConfidencesAndStoresNothing() throws IOException {
        Account admin = Api.newBusiness(port, "CT scan");
        long documentsBefore = as(admin.tenantId(), () -> jdbc.queryForObject("select count(*) from vehicle_documents",
                Long.class));

        JsonPath scan = multipart(admin).multiPart("file", "carte-grise.png", document(), "image/png")
                .post("/api/v1/inspections/scans").then().statusCode(200)
                .body("fields.name", hasItems("plate", "firstRegisteredOn", "brand", "model", "vin", "category", "fuel",
                        "ownerName"))
                .extract().jsonPath();

        assertThat(scan.getString("fields.find { it.name == 'plate' }.value")).isEqualTo("AB-123-CD");
        assertThat(scan.getString("fields.find { it.name == 'vin' }.value")).isEqualTo("VF1RJA00123456789");
        assertThat(scan.getString("fields.find { it.name == 'firstRegisteredOn' }.value")).isEqualTo("2019-03-15");
        assertThat(scan.getString("fields.find { it.name == 'firstRegisteredOn' }.raw")).isEqualTo("15/03/2019");
        assertThat(scan.getString("fields.find { it.name == 'category' }.value")).isEqualTo("M1");
        assertThat(scan.getString("fields.find { it.name == 'ownerName' }.value")).isEqualTo("DUPONT JEAN");
        assertThat(scan.getList("fields.confidence", Float.class)).allMatch(c -> c > 0.7f);
        assertThat(scan.getList("fields.valid", Boolean.class)).containsOnly(true);
        assertThat(scan.getString("text")).contains("RENAULT");
        assertThat(as(admin.tenantId(), () -> jdbc.queryForObject("select count(*) from vehicle_documents",
                Long.class))).isEqualTo(documentsBefore);
    }

    @Test
    void junkIsRefusedWithProblemDetailsAndAViewerMayNotScan() throws IOException {
        Account admin = Api.newBusiness(port, "CT refus");
        Account viewer = Api.newUser(port, admin, "VIEWER");

        multipart(admin).multiPart("file", "x.csv", "sku;name\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/inspections/scans").then().spec(Api.problem(415, "unsupported-media-type"));
        multipart(admin).multiPart("file", "vide.png", new byte[0], "image/png")
                .post("/api/v1/inspections/scans").then().spec(Api.problem(400, "validation"));
        multipart(admin).multiPart("other", "x.png", document(), "image/png")
                .post("/api/v1/inspections/scans").then().spec(Api.problem(400, "validation"))
                .body("errors[0].field", equalTo("file"));
        multipart(admin).multiPart("file", "grand.png", new byte[11 * 1024 * 1024], "image/png")
                .post("/api/v1/inspections/scans").then().spec(Api.problem(413, "too-large"));
        multipart(viewer).multiPart("file", "carte-grise.png", document(), "image/png")
                .post("/api/v1/inspections/scans").then().spec(Api.problem(403, "forbidden"));
    }

    @Test
    void aKeptDocumentIsSealedAtRestDownloadedAsItWasAndHiddenFromOtherBusinesses() throws IOException {
        Account admin = Api.newBusiness(port, "CT pièces");
        UUID vehicle = vehicle(admin);
        byte[] file = document();

        JsonPath kept = multipart(admin).multiPart("file", "carte grise.png", file, "image/png")
                .multiPart("kind", "REGISTRATION")
                .post("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().statusCode(201)
                .body("kind", equalTo("REGISTRATION")).body("fileName", equalTo("carte grise.png"))
                .body("contentType", equalTo("image/png")).extract().jsonPath();
        String id = kept.getString("id");
        Instant deleteAfter = Instant.parse(kept.getString("deleteAfter"));
        assertThat(deleteAfter).isBetween(Instant.now().plus(Duration.ofDays(90)).minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofDays(90)));

        // at rest: neither the bytes nor their Base64
        Map<String, Object> row = as(admin.tenantId(), () -> jdbc.queryForMap(
                "select key_id, sealed from vehicle_documents where id = ?", UUID.fromString(id)));
        byte[] sealed = (byte[]) row.get("sealed");
        String sealedText = new String(sealed, StandardCharsets.ISO_8859_1);
        assertThat(sealedText).doesNotContain(new String(file, 0, 64, StandardCharsets.ISO_8859_1))
                .doesNotContain(Base64.getEncoder().encodeToString(file).substring(0, 64))
                .doesNotContain("PNG");
        assertThat((String) row.get("key_id")).hasSize(8);

        byte[] downloaded = Api.as(port, admin).accept("*/*")
                .get("/api/v1/inspections/vehicles/" + vehicle + "/documents/" + id).then().statusCode(200)
                .contentType("image/png").header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertThat(downloaded).isEqualTo(file);
        Api.as(port, admin).get("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().statusCode(200)
                .body("id", equalTo(List.of(id))).body("[0].url", equalTo(kept.getString("url")));
        assertThat(as(admin.tenantId(), () -> jdbc.queryForObject(
                "select count(*) from audit_log where entity_type = 'vehicle-document' and entity_id = ?"
                        + " and action = 'CREATE'", Long.class, UUID.fromString(id)))).isEqualTo(1);

        Account other = Api.newBusiness(port, "CT voisin");
        Api.as(port, other).accept("*/*").get("/api/v1/inspections/vehicles/" + vehicle + "/documents/" + id)
                .then().spec(Api.problem(404, "not-found"));
        Api.as(port, other).get("/api/v1/inspections/vehicles/" + vehicle + "/documents")
                .then().spec(Api.problem(404, "not-found"));
        multipart(other).multiPart("file", "x.png", file, "image/png").multiPart("kind", "IDENTITY")
                .post("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().spec(Api.problem(404, "not-found"));
        Api.as(port, other).delete("/api/v1/inspections/vehicles/" + vehicle + "/documents/" + id)
                .then().spec(Api.problem(404, "not-found"));

        multipart(admin).multiPart("file", "x.png", file, "image/png").multiPart("kind", "PASSPORT")
                .post("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().spec(Api.problem(400, "validation"));
        multipart(admin).multiPart("file", "x.txt", "bonjour".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("kind", "IDENTITY")
                .post("/api/v1/inspections/vehicles/" + vehicle + "/documents")
                .then().spec(Api.problem(415, "unsupported-media-type"));

        Api.as(port, admin).delete("/api/v1/inspections/vehicles/" + vehicle + "/documents/" + id).then().statusCode(204);
        Api.as(port, admin).get("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void documentsAreDeletedOnceTheBusinessRetentionPeriodHasPassed() throws IOException {
        Account admin = Api.newBusiness(port, "CT durée");
        as(admin.tenantId(), () -> jdbc.update("""
                insert into inspection_settings (tenant_id, document_retention_days, created_at, updated_at)
                values (?, 30, now(), now())""", admin.tenantId()));
        UUID vehicle = vehicle(admin);
        String id = multipart(admin).multiPart("file", "piece.pdf", "%PDF-1.4 identité".getBytes(StandardCharsets.UTF_8),
                        "application/pdf").multiPart("kind", "IDENTITY")
                .post("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().statusCode(201)
                .extract().path("id");
        Instant deleteAfter = Instant.parse(Api.as(port, admin).get("/api/v1/inspections/vehicles/" + vehicle
                + "/documents").then().extract().path("[0].deleteAfter"));
        assertThat(deleteAfter).isBetween(Instant.now().plus(Duration.ofDays(30)).minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofDays(30)));

        // the clock moved: the day before, nothing goes; once the period has passed, the document is gone
        assertThat(documents.expire(admin.tenantId(), deleteAfter.minus(Duration.ofDays(1)))).contains(deleteAfter);
        Api.as(port, admin).get("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().body("size()", equalTo(1));
        assertThat(documents.expire(admin.tenantId(), deleteAfter.plusSeconds(1))).isEmpty();

        Api.as(port, admin).get("/api/v1/inspections/vehicles/" + vehicle + "/documents").then().body("size()", equalTo(0));
        Api.as(port, admin).accept("*/*").get("/api/v1/inspections/vehicles/" + vehicle + "/documents/" + id)
                .then().spec(Api.problem(404, "not-found"));
        assertThat(as(admin.tenantId(), () -> jdbc.queryForObject(
                "select count(*) from audit_log where entity_type = 'vehicle-document' and entity_id = ?"
                        + " and action = 'DELETE'", Long.class, UUID.fromString(id)))).isEqualTo(1);
    }

    /** A vehicle of the business, written as the vehicles' use cases would (they are not this test's subject). */
    private UUID vehicle(Account admin) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        as(admin.tenantId(), () -> jdbc.update("""
                insert into vehicles (id, tenant_id, plate, category, created_at, updated_at) values (?, ?, ?, 'M1', ?, ?)""",
                id, admin.tenantId(), "AB-" + (100 + (int) (Math.random() * 800)) + "-CD", now, now));
        return id;
    }

    /** A registration document drawn like a photo of one: labels in a column, values beside. */
    private static byte[] document() {
        Map<String, String> printed = new java.util.LinkedHashMap<>();
        printed.put("A", "AB-123-CD");
        printed.put("B", "15/03/2019");
        printed.put("C.1", "DUPONT JEAN");
        printed.put("D.1", "RENAULT");
        printed.put("D.3", "CLIO");
        printed.put("E", "VF1RJA00123456789");
        printed.put("J", "M1");
        printed.put("P.3", "GO");
        return RegistrationDocuments.png(printed);
    }
}
