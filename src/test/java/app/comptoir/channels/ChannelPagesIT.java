package app.comptoir.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.channels.application.PublicationJobs;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/**
 * The channels' back-office pages through real HTTP and the security chain: the accounts page (rate badge, pairing
 * code, cap, disconnect, never the session), the listings and a listing (publish against the fake Vinted, history),
 * the new listing's errors next to their fields, what a viewer and a driver may do, another business's listing, the
 * statistics over known data, and the demo reseller's Vinted.
 */
@IntegrationTest
class ChannelPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TenantContext tenants;

    @Autowired
    PublicationJobs jobs;

    @Autowired
    Clock clock;

    private final FakeVinted vinted = FakeVinted.shared();

    private WebSession signedIn(Account account) {
        WebSession web = new WebSession(port);
        web.signIn(account.email(), account.password());
        return web;
    }

    @Test
    void theAccountsPageShowsTheBadgeThePairingCodeAndTheCapButNeverTheSession() {
        Account admin = Api.newBusiness(port, "Friperie des comptes");
        FakeVinted.Login login = vinted.login("lou.pentes");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        WebSession web = signedIn(admin);

        String page = web.get("/app/channels/accounts").body();
        assertThat(page).contains("@lou.pentes", "data-status=\"CONNECTED\"", "data-level=\"green\"", "0 / 40",
                        "Connecter l&#39;extension", "Comptes")
                .doesNotContain(login.sessionCookie(), login.csrfToken(), login.anonId());

        Page paired = web.post("/app/channels/pairings", Map.of());
        assertThat(paired.status()).isEqualTo(200);
        Matcher code = Pattern.compile("data-pairing-code>([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<").matcher(paired.body());
        assertThat(code.find()).isTrue();
        assertThat(paired.body()).contains("Valable une fois, jusqu");
        // The code shown pairs a device.
        Api.given(port).body(Map.of("code", code.group(1), "device", "Firefox")).post("/api/v1/channels/pairings/claim")
                .then().statusCode(200);
        assertThat(web.get("/app/channels/accounts").body()).contains("data-device", "Firefox");

        Page wrong = web.post("/app/channels/accounts/" + account + "/limit", Map.of("limit", "900"));
        assertThat(wrong.body()).contains("data-limit-error", "Entre 1 et 500 requêtes.");
        Page saved = web.post("/app/channels/accounts/" + account + "/limit", Map.of("limit", "30"));
        assertThat(saved.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/channels/accounts"));
        Api.as(port, admin).get("/api/v1/channels/accounts/" + account).then().body("writeLimit", equalTo(30));
        assertThat(web.get("/app/channels/accounts").body()).contains("0 / 30");

        web.post("/app/channels/accounts/" + account + "/disconnect", Map.of());
        Api.as(port, admin).get("/api/v1/channels/accounts/" + account).then().body("status", equalTo("EXPIRED"))
                .body("lastError", equalTo("Disconnected in Comptoir"));
        Object sealed = tenants.callAs(admin.tenantId(), () -> new TransactionTemplate(transactions).execute(s ->
                jdbc.queryForMap("select secrets_encrypted from channel_accounts where id = ?", account)
                        .get("secrets_encrypted")));
        assertThat(sealed).isNull();
        assertThat(web.get("/app/channels/accounts").body()).contains("data-status=\"EXPIRED\"", "Déconnecté");
    }

    @Test
    void aListingIsPublishedFromItsPageAndItsHistorySaysSo() {
        Account admin = Api.newBusiness(port, "Friperie des annonces");
        FakeVinted.Login login = vinted.login("anna.croix");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID listing = ChannelsTesting.draft(port, admin, account, "Robe portefeuille en soie", "42.90");
        ChannelsTesting.draft(port, admin, account, "Blouson aviateur cuir", "120");
        WebSession web = signedIn(admin);

        String list = web.get("/app/channels/listings").body();
        assertThat(list).contains("Robe portefeuille en soie", "Blouson aviateur cuir", "data-listing-state=\"DRAFT\"");
        assertThat(web.get("/app/channels/listings?q=soie").body()).contains("Robe portefeuille en soie")
                .doesNotContain("Blouson aviateur cuir");
        assertThat(web.get("/app/channels/listings?state=PUBLISHED").body()).contains("data-empty-state")
                .contains("Aucune annonce ne correspond");
        assertThat(web.get("/app/channels/listings?state=nonsense&page=zz").status()).isEqualTo(200);

        String page = web.get("/app/channels/listings/" + listing).body();
        assertThat(page).contains("data-publish", "Publier sur Vinted", "Brouillon créé").doesNotContain("data-running=\"true\"");

        Page published = web.post("/app/channels/listings/" + listing + "/publish", Map.of());
        assertThat(published.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/channels/listings/" + listing));
        String running = web.get("/app/channels/listings/" + listing).body();
        assertThat(running).contains("data-running=\"true\"", "hx-trigger=\"every 2s\"", "data-job-state=\"PENDING\"");
        // Publishing twice is refused in words, on the page.
        assertThat(web.post("/app/channels/listings/" + listing + "/publish", Map.of()).body())
                .contains("data-conflict", "pas possible dans l&#39;état actuel");

        jobs.runDue(admin.tenantId());
        String live = web.get("/app/channels/listings/" + listing + "/live", "HX-Request", "true").body();
        assertThat(live).contains("data-job-state=\"SUCCEEDED\"", "data-listing-state=\"PUBLISHED\"",
                "data-what=\"PUBLISHED\"", "data-withdraw").doesNotContain("hx-trigger").doesNotContain("<html");
        assertThat(vinted.items(login)).extracting(FakeVinted.Item::title).contains("Robe portefeuille en soie");

        // Published, it can be updated on Vinted (a job, whose progress the page follows); twice at once is refused.
        assertThat(live).contains("data-update", "Mettre à jour sur Vinted");
        Page updated = web.post("/app/channels/listings/" + listing + "/update", Map.of());
        assertThat(updated.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/app/channels/listings/" + listing));
        assertThat(web.get("/app/channels/listings/" + listing).body()).contains("data-running=\"true\"",
                "data-kind=\"UPDATE\"");
        assertThat(web.post("/app/channels/listings/" + listing + "/update", Map.of()).body())
                .contains("data-conflict", "encore en cours");
        jobs.runDue(admin.tenantId());
        assertThat(web.get("/app/channels/listings/" + listing).body()).contains("data-what=\"UPDATED\"",
                "Mise à jour");
    }

    @Test
    void theNewListingFormPutsEveryErrorNextToItsField() {
        Account admin = Api.newBusiness(port, "Friperie des brouillons");
        UUID account = ChannelsTesting.connectedAccount(port, admin, vinted.login("zoe.brouillon"));
        WebSession web = signedIn(admin);
        assertThat(web.get("/app/channels/listings/new").body()).contains("data-listing-form", "f-sku");

        Page invalid = web.post("/app/channels/listings", Map.of("sku", "NO-SUCH-SKU", "title", "Abc", "price", "-3",
                "catalogId", "", "statusId", "x", "colorIds", "1,2,3"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("data-form-errors", "Indiquez la référence d&#39;un article du catalogue.")
                .contains("id=\"f-sku\"", "id=\"f-price\"");
        for (String field : new String[] {"sku", "price", "statusId", "colorIds"}) {
            assertThat(invalid.body()).containsPattern("id=\"f-" + field + "\"[^>]*is-invalid");
        }
        // What was typed stays.
        assertThat(invalid.body()).contains("value=\"Abc\"", "value=\"NO-SUCH-SKU\"");

        Page noCategory = web.post("/app/channels/listings", Map.of("variantId", UUID.randomUUID().toString(),
                "title", "Jupe plissée vintage", "price", "19,90", "statusId", "2"));
        assertThat(noCategory.body()).containsPattern("id=\"f-catalogId\"[^>]*is-invalid")
                .doesNotContainPattern("id=\"f-title\"[^>]*is-invalid");
        Page good = web.post("/app/channels/listings", Map.of("accountId", account.toString(),
                "variantId", UUID.randomUUID().toString(),
                "title", "Jupe plissée vintage", "price", "19,90", "catalogId", "1904", "statusId", "2", "colorIds", "12"));
        assertThat(good.location()).hasValueSatisfying(l -> assertThat(l).contains("/app/channels/listings/"));
    }

    @Test
    void aViewerReadsButCannotPublishADriverSeesNothingAndAnotherBusinessListingIsNotFound() {
        Account admin = Api.newBusiness(port, "Friperie des rôles");
        UUID account = ChannelsTesting.connectedAccount(port, admin, vinted.login("role.test"));
        UUID listing = ChannelsTesting.draft(port, admin, account, "Pull marin rayé", "25");
        Account viewer = Api.newUser(port, admin, "VIEWER");
        Account driver = Api.newUser(port, admin, "DRIVER");
        WebSession owner = signedIn(admin);
        // A new business has its sales channels on.
        assertThat(owner.get("/app").body()).contains("href=\"/app/channels/listings\"", "Canaux de vente");

        WebSession reader = signedIn(viewer);
        assertThat(reader.get("/app").body()).contains("href=\"/app/channels/listings\"");
        String page = reader.get("/app/channels/listings/" + listing).body();
        assertThat(page).contains("Pull marin rayé").doesNotContain("data-publish", "data-withdraw", "data-update");
        assertThat(reader.get("/app/channels/accounts").body()).contains("data-rate-badge")
                .doesNotContain("data-pair", "data-disconnect", "data-limit");
        assertThat(reader.post("/app/channels/listings/" + listing + "/publish", Map.of()).status()).isEqualTo(403);
        assertThat(reader.post("/app/channels/pairings", Map.of()).status()).isEqualTo(403);
        assertThat(reader.post("/app/channels/accounts/" + account + "/disconnect", Map.of()).status()).isEqualTo(403);
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().body("listing.state", equalTo("DRAFT"));

        WebSession deliverer = signedIn(driver);
        assertThat(deliverer.get("/app").body()).doesNotContain("href=\"/app/channels/listings\"");
        assertThat(deliverer.get("/app/channels/listings").status()).isEqualTo(403);

        Account other = Api.newBusiness(port, "Friperie d'en face");
        WebSession stranger = signedIn(other);
        assertThat(stranger.get("/app/channels/listings/" + listing).status()).isEqualTo(404);
        assertThat(stranger.post("/app/channels/listings/" + listing + "/publish", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/app/channels/listings").body()).doesNotContain("Pull marin rayé");
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().body("jobs.size()", equalTo(0));
    }

    @Test
    void theStatisticsCountTodaysPublicationsTheSuccessRateTheCausesAndTheTimeToSell() {
        Account admin = Api.newBusiness(port, "Friperie des chiffres");
        UUID account = ChannelsTesting.connectedAccount(port, admin, vinted.login("stats.test"));
        WebSession web = signedIn(admin);
        assertThat(web.get("/app/channels/stats").body()).contains("data-empty-state", "Pas encore de chiffres");
        Api.as(port, admin).get("/api/v1/channels/stats").then().statusCode(200)
                .body("publishedToday", equalTo(0)).body("successRate", nullValue()).body("days.size()", equalTo(30));

        Instant now = clock.instant();
        UUID a = ChannelsTesting.draft(port, admin, account, "Annonce vendue vite", "10");
        UUID b = ChannelsTesting.draft(port, admin, account, "Annonce vendue lentement", "10");
        UUID c = ChannelsTesting.draft(port, admin, account, "Annonce refusée", "10");
        tenants.runAs(admin.tenantId(), () -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            // Today: two publications went through, one was refused; ten days ago one more went through and a
            // session had expired; forty days ago (out of the 30 days) one failure.
            job(admin.tenantId(), a, account, "PUBLISH", "SUCCEEDED", null, now);
            job(admin.tenantId(), b, account, "PUBLISH", "SUCCEEDED", null, now);
            job(admin.tenantId(), c, account, "PUBLISH", "FAILED", "Vinted refused the request (HTTP 400)", now);
            job(admin.tenantId(), b, account, "PUBLISH", "SUCCEEDED", null, now.minus(Duration.ofDays(10)));
            job(admin.tenantId(), c, account, "SYNC", "FAILED", "Vinted no longer accepts the session",
                    now.minus(Duration.ofDays(10)));
            job(admin.tenantId(), c, account, "PUBLISH", "FAILED", "Vinted refused the request (HTTP 400)",
                    now.minus(Duration.ofDays(40)));
            jdbc.update("insert into channel_listing_events (tenant_id, listing_id, at, what, detail)"
                    + " values (?, ?, ?, 'PAUSED', 'Vinted: too many requests; resumes at later')",
                    admin.tenantId(), a, Timestamp.from(now.minus(Duration.ofDays(2))));
            // Sold after 2 and 6 days on Vinted: 4 days on average.
            jdbc.update("update channel_listings set state = 'SOLD', published_at = ?, sold_at = ? where id = ?",
                    Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(now.minus(Duration.ofDays(1))), a);
            jdbc.update("update channel_listings set state = 'SOLD', published_at = ?, sold_at = ? where id = ?",
                    Timestamp.from(now.minus(Duration.ofDays(8))), Timestamp.from(now.minus(Duration.ofDays(2))), b);
        }));

        Api.as(port, admin).get("/api/v1/channels/stats").then().statusCode(200)
                .body("publishedToday", equalTo(2))
                .body("succeeded", equalTo(3)).body("failed", equalTo(2))
                .body("successRate", equalTo(60.0f))
                .body("errorsByCause.REJECTED", equalTo(1))
                .body("errorsByCause.SESSION_EXPIRED", equalTo(1))
                .body("errorsByCause.RATE_LIMITED", equalTo(1))
                .body("sold", equalTo(2))
                .body("averageDaysToSell", equalTo(4.0f))
                .body("medianDaysToSell", equalTo(4.0f))
                .body("days[29].published", equalTo(2)).body("days[29].failed", equalTo(1));
        String page = web.get("/app/channels/stats").body();
        assertThat(page).contains("data-published-today>2<", "60,0 %", "4,0 jours", "data-cause=\"RATE_LIMITED\"",
                "Session expirée", "data-chart=").doesNotContain("data-empty-state");
        // A viewer reads the figures too; another business sees its own (none).
        assertThat(signedIn(Api.newUser(port, admin, "VIEWER")).get("/app/channels/stats").body())
                .contains("data-published-today>2<");
        Api.as(port, Api.newBusiness(port, "Friperie sans chiffres")).get("/api/v1/channels/stats").then()
                .body("succeeded", equalTo(0));
    }

    @Test
    void theDemoResellerHasAConnectedVintedAccountAndListingsInEveryStateWithTheirHistory() {
        UUID tenant = jdbc.queryForObject("select id from tenants where slug = 'seconde-main'", UUID.class);
        WebSession web = new WebSession(port);
        web.signIn("admin@seconde-main.demo", Api.DEMO_PASSWORD);
        String accounts = web.get("/app/channels/accounts").body();
        assertThat(accounts).contains("@secondemain.lyon", "data-status=\"CONNECTED\"", "data-rate-badge")
                .doesNotContain("demo-session-not-a-real-cookie");
        String listings = web.get("/app/channels/listings").body();
        for (String state : new String[] {"DRAFT", "PUBLISHED", "SOLD", "FAILED", "WITHDRAWN"}) {
            assertThat(web.get("/app/channels/listings?state=" + state).body()).as(state)
                    .contains("data-listing-state=\"" + state + "\"");
        }
        assertThat(listings).contains("data-listing=");
        String stats = web.get("/app/channels/stats").body();
        assertThat(stats).doesNotContain("data-empty-state").contains("data-cause=\"RATE_LIMITED\"");
        // Every demo job is finished: nothing is waiting to be sent to a marketplace.
        Integer open = tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> jdbc.queryForObject(
                "select count(*) from channel_jobs where tenant_id = ? and state not in ('SUCCEEDED', 'FAILED')",
                Integer.class, tenant)));
        assertThat(open).isZero();
        // Each item sold on Vinted left the stock through inventory, as a sync takes it out: no unit left, and its
        // SALE movement names the Vinted item; an item sold in the shop first is no longer live on Vinted.
        List<Map<String, Object>> sold = tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s ->
                jdbc.queryForList("select l.remote_id, coalesce((select sum(v.on_hand - v.reserved) from stock_levels v"
                        + " where v.tenant_id = l.tenant_id and v.variant_id = l.variant_id), 0) as left_units,"
                        + " (select count(*) from stock_movements m where m.tenant_id = l.tenant_id"
                        + " and m.variant_id = l.variant_id and m.type = 'SALE'"
                        + " and m.reference = 'MARKETPLACE-' || l.remote_id) as sales"
                        + " from channel_listings l where l.tenant_id = ? and l.state = 'SOLD'", tenant)));
        assertThat(sold).isNotEmpty().allSatisfy(row -> {
            assertThat(((Number) row.get("left_units")).intValue()).as("units left of %s", row.get("remote_id")).isZero();
            assertThat(((Number) row.get("sales")).intValue()).as("sale of %s", row.get("remote_id")).isEqualTo(1);
        });
        Integer liveWithoutStock = tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s ->
                jdbc.queryForObject("select count(*) from channel_listings l where l.tenant_id = ?"
                        + " and l.state = 'PUBLISHED' and coalesce((select sum(v.on_hand - v.reserved) from stock_levels v"
                        + " where v.tenant_id = l.tenant_id and v.variant_id = l.variant_id), 0) <= 0",
                        Integer.class, tenant)));
        assertThat(liveWithoutStock).isZero();
        // The other demo shops do not sell on Vinted: no entry in their navigation.
        WebSession garden = new WebSession(port);
        garden.signIn("admin@jardin-des-lilas.demo", Api.DEMO_PASSWORD);
        assertThat(garden.get("/app").body()).doesNotContain("href=\"/app/channels/listings\"");
    }

    private void job(UUID tenant, UUID listing, UUID account, String kind, String state, String error, Instant at) {
        jdbc.update("insert into channel_jobs (id, tenant_id, listing_id, account_id, kind, state, attempts, not_before,"
                        + " upload_session_id, error, created_at, started_at, finished_at)"
                        + " values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(), tenant, listing, account, kind, state, Timestamp.from(at), UUID.randomUUID(), error,
                Timestamp.from(at), Timestamp.from(at), Timestamp.from(at));
    }
}
