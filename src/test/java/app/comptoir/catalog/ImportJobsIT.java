package app.comptoir.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import app.comptoir.catalog.application.ProductImports;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.Role;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/** Issue #13: imports and exports run as background jobs whose progress a client polls. */
@IntegrationTest
class ImportJobsIT {

    @LocalServerPort
    int port;

    @Autowired
    Jobs jobs;

    @Autowired
    ProductImports imports;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    app.comptoir.platform.TenantContext tenants;

    private String csv(int products, int... badLines) {
        StringBuilder csv = new StringBuilder("name,sku,price,vat_rate\n");
        List<Integer> bad = java.util.Arrays.stream(badLines).boxed().toList();
        for (int i = 1; i <= products; i++) {
            // line numbers count the header as line 1
            String price = bad.contains(i + 1) ? "gratuit" : "1" + i + ".50";
            csv.append("Graines n°").append(i).append(",GR-").append(i).append(',').append(price).append(",5.5\n");
        }
        return csv.toString();
    }

    private JsonPath startImport(Account shop, String csv, String params) {
        return RestAssured.given().port(port).header("Authorization", "Bearer " + shop.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "graines.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/products/import-jobs" + params).then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.startsWith("/api/v1/jobs/")).extract().jsonPath();
    }

    private JsonPath finished(Account shop, String id) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, shop).get("/api/v1/jobs/" + id).then().statusCode(200).extract().jsonPath(),
                job -> !List.of("QUEUED", "RUNNING").contains(job.getString("status")));
    }

    @Test
    void anImportJobReportsItsProgressUpToTheTotalAndEveryLineError() {
        Account shop = Api.newBusiness(port, "Graineterie");
        JsonPath started = startImport(shop, csv(300, 5, 120), "?dryRun=true");
        assertThat(started.getString("kind")).isEqualTo("catalog-import");
        assertThat(started.getString("status")).isIn("QUEUED", "RUNNING", "SUCCEEDED");

        JsonPath done = finished(shop, started.getString("id"));
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("total")).isEqualTo(300);
        assertThat(done.getInt("done")).isEqualTo(300);
        assertThat(done.getInt("percent")).isEqualTo(100);
        assertThat(done.getBoolean("result.dryRun")).isTrue();
        assertThat(done.getList("result.errors.line", Integer.class)).containsExactly(5, 120);
        assertThat(done.getList("result.errors.field", String.class)).containsOnly("price");

        // For real, the valid products only: two steps per product (checked, written).
        JsonPath written = finished(shop, startImport(shop, csv(300, 5, 120), "?partial=true").getString("id"));
        assertThat(written.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(written.getInt("done")).isEqualTo(600).isEqualTo(written.getInt("total"));
        assertThat(written.getBoolean("result.written")).isTrue();
        assertThat(written.getInt("result.productsCreated")).isEqualTo(298);
        Api.as(port, shop).get("/api/v1/products?size=1").then().body("total", equalTo(298));
    }

    @Test
    void anExportJobMakesAFileToDownloadAndJobsStayInTheirBusiness() {
        Account shop = Api.newBusiness(port, "Graineterie Export");
        finished(shop, startImport(shop, csv(20), "").getString("id"));
        String id = Api.as(port, shop).post("/api/v1/products/export-jobs?separator=semicolon").then().statusCode(202)
                .extract().path("id");
        JsonPath done = finished(shop, id);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("total")).isEqualTo(20);
        assertThat(done.getString("fileName")).endsWith(".csv");
        String file = new String(Api.as(port, shop).accept("text/csv").get("/api/v1/jobs/" + id + "/file").then()
                .statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(file).startsWith("\ufeffslug;name;").contains("GR-20");

        Account other = Api.newBusiness(port, "Autre graineterie");
        Api.as(port, other).get("/api/v1/jobs/" + id).then().statusCode(404);
        Api.as(port, other).get("/api/v1/jobs/" + id + "/file").then().statusCode(404);
        Api.as(port, shop).get("/api/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
        Api.as(port, shop).post("/api/v1/products/export-jobs?separator=tab").then().statusCode(400);
        RestAssured.given().port(port).header("Authorization", "Bearer " + shop.accessToken())
                .accept("application/json, application/problem+json")
                .multiPart("file", "vide.csv", new byte[0], "text/csv")
                .post("/api/v1/products/import-jobs").then().statusCode(400);
    }

    @Test
    void aReloadOfTheImportPageShowsTheRunningJobWithItsButtonWaitingThenItsReport() throws Exception {
        Account shop = Api.newBusiness(port, "Graineterie Lente");
        CountDownLatch release = new CountDownLatch(1);
        UUID job = runAs(shop, () -> jobs.start("catalog-import", progress -> {
            progress.total(10);
            progress.done(4);
            release.await(2, TimeUnit.MINUTES);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("report", imports.importCsv(csv(3).getBytes(StandardCharsets.UTF_8), true, false, progress));
            result.put("fileName", "graines.csv");
            result.put("partial", false);
            return result;
        }));
        WebSession web = new WebSession(port);
        web.signIn(shop.email(), shop.password());
        try {
            Page page = web.get("/app/catalog/import");
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/catalog/import?job=" + job));
            String running = await().atMost(Duration.ofMinutes(1)).until(
                    () -> web.get("/app/catalog/import?job=" + job).body(), body -> body.contains("data-job-percent=\"40\""));
            assertThat(running).contains("data-import-job", "hx-get=\"/app/jobs/" + job + "\"", "En cours : 40 % (4 sur 10)")
                    .containsPattern("data-import-submit[^>]*disabled");
            // A reload finds it again.
            assertThat(web.get("/app/catalog/import?job=" + job).body()).contains("En cours : 40 %");
        } finally {
            release.countDown();
        }
        Page ended = await().atMost(Duration.ofMinutes(1)).until(() -> web.get("/app/jobs/" + job, "HX-Request", "true"),
                p -> !p.header("HX-Refresh").isEmpty());
        assertThat(ended.header("HX-Refresh")).isEqualTo("true");
        String report = web.get("/app/catalog/import?job=" + job).body();
        assertThat(report).contains("data-import-status=\"ready\"", "graines.csv")
                .doesNotContain("data-import-job");
        assertThat(web.get("/app/catalog/import").status()).isEqualTo(200);
    }

    @Test
    void anImportLostWithARestartShowsAsInterruptedAndNoLongerHoldsThePage() {
        Account shop = Api.newBusiness(port, "Graineterie Redémarrée");
        UUID id = UUID.randomUUID();
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1)));
        tenants.runAs(shop.tenantId(), () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(tx -> jdbc.update("""
                        insert into jobs (id, tenant_id, kind, status, done, total, created_at, updated_at)
                        values (?, ?, 'catalog-import', 'RUNNING', 3, 10, ?, ?)""", id, shop.tenantId(), longAgo, longAgo)));
        Api.as(port, shop).get("/api/v1/jobs/" + id).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("error", org.hamcrest.Matchers.startsWith("Interrupted"));
        WebSession web = new WebSession(port);
        web.signIn(shop.email(), shop.password());
        Page page = web.get("/app/catalog/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-import-job").doesNotContainPattern("data-import-submit[^>]*disabled");
    }

    /** Runs as the account's user, as a request would (the job takes the caller's tenant and rights). */
    private <T> T runAs(Account account, java.util.concurrent.Callable<T> work) throws Exception {
        ComptoirPrincipal me = new ComptoirPrincipal(account.userId(), account.tenantId(), account.email(), "Owner",
                java.util.Set.of(Role.ADMIN));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
