package app.comptoir.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.channels.application.ChannelSecrets;
import app.comptoir.channels.application.PeriodicSync;
import app.comptoir.channels.application.PublicationJobs;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * Channels through the real API and security chain: pairing the extension, the session sealed at rest and never
 * shown, listings checked field by field, a publication job against the local fake Vinted, the pauses after a 429 or
 * a challenge, and the isolation between businesses.
 */
@IntegrationTest
class ChannelsIT {

    private static final List<String> TABLES = List.of("channel_accounts", "channel_writes", "channel_devices",
            "channel_listings", "channel_jobs", "channel_listing_events");

    @LocalServerPort
    int port;

    @Autowired
    PeriodicSync periodicSync;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    app.comptoir.platform.TenantContext tenants;

    @Autowired
    PublicationJobs jobs;

    @Autowired
    ChannelSecrets secrets;

    private final FakeVinted vinted = FakeVinted.shared();

    private <T> T as(UUID tenant, Supplier<T> work) {
        return tenants.callAs(tenant, () -> new TransactionTemplate(transactions).execute(s -> work.get()));
    }

    @Test
    void theExtensionPairsWithACodeAndItsSessionIsSealedAtRestAndNeverShown() {
        Account admin = Api.newBusiness(port, "Friperie appairage");
        var pairing = Api.as(port, admin).post("/api/v1/channels/pairings").then().statusCode(201)
                .body("code", matchesPattern("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"))
                .body("expiresAt", notNullValue()).extract().jsonPath();
        String typed = pairing.getString("code").replace("-", "").toLowerCase();

        String token = Api.given(port).body(Map.of("code", typed, "device", "Chrome 131 on Linux"))
                .post("/api/v1/channels/pairings/claim").then().statusCode(200)
                .body("business.slug", equalTo(admin.tenantSlug())).extract().path("token");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        Api.given(port).body(Map.of("code", pairing.getString("code"), "device", "again"))
                .post("/api/v1/channels/pairings/claim").then().spec(Api.problem(400, "validation"));
        Api.given(port).body(Map.of("code", "ZZZZ-ZZZZ", "device", "guess"))
                .post("/api/v1/channels/pairings/claim").then().spec(Api.problem(400, "validation"));

        FakeVinted.Login login = vinted.login("marie.l");
        UUID account = ChannelsTesting.connect(port, token, login);
        Api.as(port, token).get("/api/v1/channels/extension/me").then().statusCode(200)
                .body("business.slug", equalTo(admin.tenantSlug()))
                .body("accounts[0].id", equalTo(account.toString()))
                .body("accounts[0].username", equalTo("marie.l"))
                .body("accounts[0].status", equalTo("CONNECTED"));

        String listed = Api.as(port, admin).get("/api/v1/channels/accounts").then().statusCode(200)
                .body("[0].username", equalTo("marie.l")).extract().asString();
        String me = Api.as(port, token).get("/api/v1/channels/extension/me").then().extract().asString();
        for (String secret : List.of(login.sessionCookie(), login.cookies().get("access_token_web"), login.csrfToken(),
                login.anonId())) {
            assertThat(listed).doesNotContain(secret);
            assertThat(me).doesNotContain(secret);
        }
        Map<String, Object> row = as(admin.tenantId(), () -> jdbc.queryForMap(
                "select secrets_encrypted, key_id from channel_accounts where id = ?", account));
        String raw = new String((byte[]) row.get("secrets_encrypted"), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(login.sessionCookie(), login.csrfToken(), "_vinted_fr_session", "sess-");
        assertThat(row.get("key_id")).isEqualTo(secrets.currentKeyId());
        String tokens = String.join(",", jdbc.queryForList("select token_hash from channel_device_tokens", String.class));
        assertThat(tokens).doesNotContain(token);

        // The same Vinted user again: the account is refreshed, not doubled.
        assertThat(ChannelsTesting.connect(port, token, login)).isEqualTo(account);

        String device = Api.as(port, admin).get("/api/v1/channels/devices").then().statusCode(200)
                .body("[0].label", equalTo("Chrome 131 on Linux")).extract().path("[0].id");
        Api.as(port, admin).delete("/api/v1/channels/devices/" + device).then().statusCode(204);
        Api.as(port, token).get("/api/v1/channels/extension/me").then().spec(Api.problem(401, "device-token"));
        Api.given(port).get("/api/v1/channels/extension/me").then().spec(Api.problem(401, "device-token"));
        Api.as(port, admin).get("/api/v1/channels/extension/me").then().spec(Api.problem(401, "device-token"));
    }

    @Test
    void theExtensionsOriginsMayCallItsAddressesAndOnlyThose() {
        for (String origin : List.of("chrome-extension://abcdefghijklmnopabcdefghijklmnop", "moz-extension://4b1d-9e2c")) {
            Api.given(port).header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")
                    .options("/api/v1/channels/pairings/claim").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", origin)
                    .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.nullValue());
            Api.given(port).header("Origin", origin).body(Map.of("code", "ZZZZ-ZZZZ", "device", "guess"))
                    .post("/api/v1/channels/pairings/claim").then().spec(Api.problem(400, "validation"))
                    .header("Access-Control-Allow-Origin", origin);
        }
        // Another site may not call them, and the extension's origin opens nothing else of the API.
        Api.given(port).header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/channels/pairings/claim").then().statusCode(403);
        Api.given(port).header("Origin", "chrome-extension://abcdefghijklmnopabcdefghijklmnop")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/channels/pairings").then().statusCode(403);
    }

    @Test
    void aListingIsCheckedFieldByFieldBeforeItCanBePublished() {
        Account admin = Api.newBusiness(port, "Friperie validation");
        Api.as(port, admin).body(Map.of("title", "abc", "price", "-3")).post("/api/v1/channels/listings").then()
                .spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("accountId", "variantId", "title", "price", "catalogId", "statusId"));
    }

    @Test
    void aPublishJobSendsTheMappedFieldsWithTheSessionToVinted() {
        Account admin = Api.newBusiness(port, "Friperie publication");
        FakeVinted.Login login = vinted.login("lea.vintage");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID listing = ChannelsTesting.draft(port, admin, account, "Robe à fleurs Petit Bateau 8 ans", "14.90");
        UUID job = ChannelsTesting.publish(port, admin, listing);
        Api.as(port, admin).get("/api/v1/channels/jobs/" + job).then().statusCode(200).body("state", equalTo("PENDING"));

        jobs.runDue(admin.tenantId());

        List<FakeVinted.Call> creates = vinted.calls(login).stream()
                .filter(c -> c.path().equals("/api/v2/item_upload/items")).toList();
        assertThat(creates).hasSize(1);
        FakeVinted.Call create = creates.getFirst();
        assertThat(create.headers()).containsEntry("x-csrf-token", login.csrfToken())
                .containsEntry("x-anon-id", login.anonId());
        var item = create.json().path("item");
        assertThat(item.path("title").asString()).isEqualTo("Robe à fleurs Petit Bateau 8 ans");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo("14.90");
        assertThat(item.path("currency").asString()).isEqualTo("EUR");
        assertThat(item.path("catalog_id").asLong()).isEqualTo(1904);
        assertThat(item.path("status_id").asLong()).isEqualTo(2);
        assertThat(item.path("size_id").asLong()).isEqualTo(207);
        assertThat(item.path("brand").asString()).isEqualTo("Petit Bateau");
        assertThat(item.path("color_ids").toString()).isEqualTo("[12,1]");
        assertThat(create.json().path("upload_session_id").asString()).isNotBlank();
        long remote = vinted.items(login).getFirst().id();

        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().statusCode(200)
                .body("listing.state", equalTo("PUBLISHED"))
                .body("listing.remoteId", equalTo(remote))
                .body("jobs[0].state", equalTo("SUCCEEDED"))
                .body("jobs[0].attempts", equalTo(1))
                .body("history.what", hasItems("DRAFTED", "QUEUED", "PUBLISHED"));
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then().statusCode(200)
                .body("used", equalTo(1)).body("remaining", equalTo(39)).body("resetAt", notNullValue());
        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/publish").then()
                .spec(Api.problem(409, "listing-state"));

        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/withdraw").then().statusCode(202);
        jobs.runDue(admin.tenantId());
        assertThat(vinted.items(login)).isEmpty();
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.state", equalTo("WITHDRAWN"));
        assertThat(vinted.calls(login).stream().map(FakeVinted.Call::path))
                .contains("/api/v2/items/" + remote + "/delete");
    }

    @Test
    void aTooManyRequestsAnswerPausesTheAccountForFifteenMinutesAndTheJobWaits() {
        Account admin = Api.newBusiness(port, "Friperie 429");
        FakeVinted.Login login = vinted.login("trop.vite");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID listing = ChannelsTesting.draft(port, admin, account, "Jean Levi's 501 W32", "25");
        UUID job = ChannelsTesting.publish(port, admin, listing);
        vinted.script(login, FakeVinted.Reply.TOO_MANY_REQUESTS);

        Instant before = Instant.now();
        jobs.runDue(admin.tenantId());
        Instant after = Instant.now();

        var view = Api.as(port, admin).get("/api/v1/channels/accounts/" + account).then().statusCode(200)
                .body("status", equalTo("PAUSED")).body("pauseReason", equalTo("RATE_LIMITED"))
                .body("lastError", notNullValue()).extract().jsonPath();
        Instant until = Instant.parse(view.getString("pausedUntil"));
        assertThat(until).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                after.plus(Duration.ofMinutes(15)).plusSeconds(1));
        Api.as(port, admin).get("/api/v1/channels/jobs/" + job).then().body("state", equalTo("PAUSED"));
        // While paused, running again sends nothing.
        int callsSoFar = vinted.calls(login).size();
        jobs.runDue(admin.tenantId());
        assertThat(vinted.calls(login)).hasSize(callsSoFar);
    }

    @Test
    void thePublicationSendsTheProductsPicturesFirstEachAWriteOfTheCap() {
        Account admin = Api.newBusiness(port, "Friperie en photos");
        FakeVinted.Login login = vinted.login("photos.ici");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String variant = ChannelsTesting.productWithPictures(port, admin, "Gilet en laine", "GIL-1", 2);
        UUID listing = ChannelsTesting.draftOf(port, admin, account, variant, "Gilet en laine bleu");

        ChannelsTesting.publish(port, admin, listing);
        jobs.runDue(admin.tenantId());

        List<FakeVinted.Call> calls = vinted.calls(login).stream()
                .filter(c -> c.method().equals("POST")).toList();
        assertThat(calls).extracting(FakeVinted.Call::path)
                .containsExactly("/api/v2/photos", "/api/v2/photos", "/api/v2/item_upload/items");
        assertThat(calls.get(0).headers().get("content-type")).startsWith("multipart/form-data");
        assertThat(calls.get(0).body()).contains("image/png");
        List<Long> assigned = new java.util.ArrayList<>();
        calls.get(2).json().path("item").path("assigned_photos").forEach(p -> assigned.add(p.path("id").asLong()));
        assertThat(assigned).hasSize(2).doesNotHaveDuplicates();
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().body("listing.state", equalTo("PUBLISHED"));
        // Two photos and the item: three writes the cap counted.
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                .statusCode(200).body("used", equalTo(3));
    }

    @Test
    void anUpdateSendsTheProductsNewFieldsAndPicturesToTheLiveItemEachAWriteOfTheCap() {
        Account admin = Api.newBusiness(port, "Friperie mise à jour");
        FakeVinted.Login login = vinted.login("maj.ici");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String[] product = ChannelsTesting.productAndVariant(port, admin, "Veste en jean", "VES-1", 1);
        UUID listing = ChannelsTesting.draftOf(port, admin, account, product[1], "Veste en jean délavée");
        // A draft is not on Vinted: nothing to update.
        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/update").then()
                .spec(Api.problem(409, "listing-state"));
        ChannelsTesting.publish(port, admin, listing);
        jobs.runDue(admin.tenantId());
        long remote = vinted.items(login).getFirst().id();
        int before = vinted.calls(login).size();

        // The product is renamed and repriced, and gets a second picture.
        Api.as(port, admin).body(Map.of("name", "Veste en jean brut", "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", "VES-1", "price", new java.math.BigDecimal("32")))))
                .put("/api/v1/products/" + product[0]).then().statusCode(200);
        ChannelsTesting.addPicture(port, admin, product[0], 7);
        UUID job = UUID.fromString(Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/update")
                .then().statusCode(202).body("kind", equalTo("UPDATE")).body("state", equalTo("PENDING"))
                .extract().path("id"));
        // While it is queued, another update is refused: it would race the first.
        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/update").then()
                .spec(Api.problem(409, "listing-busy"));
        var queued = Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().statusCode(200)
                .body("listing.title", equalTo("Veste en jean brut")).extract().jsonPath();
        java.math.BigDecimal price = new java.math.BigDecimal(queued.getString("listing.price"));
        assertThat(price).isNotEqualByComparingTo("25");

        jobs.runDue(admin.tenantId());

        List<FakeVinted.Call> sent = vinted.calls(login).subList(before, vinted.calls(login).size()).stream()
                .filter(c -> !c.method().equals("GET")).toList();
        assertThat(sent).extracting(c -> c.method() + " " + c.path()).containsExactly("POST /api/v2/photos",
                "POST /api/v2/photos", "PUT /api/v2/item_upload/items/" + remote);
        var item = sent.get(2).json().path("item");
        assertThat(item.path("title").asString()).isEqualTo("Veste en jean brut");
        assertThat(item.path("price").decimalValue()).isEqualByComparingTo(price);
        assertThat(item.path("catalog_id").asLong()).isEqualTo(1907);
        List<Long> assigned = new java.util.ArrayList<>();
        item.path("assigned_photos").forEach(p -> assigned.add(p.path("id").asLong()));
        assertThat(assigned).hasSize(2).doesNotHaveDuplicates();
        assertThat(vinted.items(login)).extracting(FakeVinted.Item::title).containsExactly("Veste en jean brut");
        Api.as(port, admin).get("/api/v1/channels/jobs/" + job).then().body("state", equalTo("SUCCEEDED"));
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.state", equalTo("PUBLISHED"))
                .body("jobs[0].kind", equalTo("UPDATE"))
                .body("history.what", hasItems("PUBLISHED", "QUEUED", "UPDATED"))
                .body("history.detail", hasItems("UPDATE"));
        // One photo and the item to publish, two photos and the update: five writes the cap counted.
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                .statusCode(200).body("used", equalTo(5));

        // A field typed wins over the product's; a wrong one is refused with every error at once.
        Api.as(port, admin).body(Map.of("title", "abc", "price", "-1"))
                .post("/api/v1/channels/listings/" + listing + "/update").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItems("title", "price"));

        // Withdrawn, it can no longer be updated.
        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/withdraw").then().statusCode(202);
        jobs.runDue(admin.tenantId());
        Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/update").then()
                .spec(Api.problem(409, "listing-state"));
    }

    @Test
    void anUpdateWaitsAtTheCapWithThePhotosItAlreadySentAndDoesNotSendThemAgain() {
        Account admin = Api.newBusiness(port, "Friperie au plafond");
        FakeVinted.Login login = vinted.login("plafond.maj");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String[] product = ChannelsTesting.productAndVariant(port, admin, "Chemise en lin", "CHE-1", 2);
        UUID listing = ChannelsTesting.draftOf(port, admin, account, product[1], "Chemise en lin blanche");
        ChannelsTesting.publish(port, admin, listing);
        jobs.runDue(admin.tenantId());
        // Three writes so far (two photos, the item); a cap of four leaves room for one photo of the update.
        Api.as(port, admin).body(Map.of("limit", 4)).put("/api/v1/channels/accounts/" + account + "/rate-limit")
                .then().statusCode(200);
        int before = vinted.calls(login).size();
        UUID job = UUID.fromString(Api.as(port, admin).post("/api/v1/channels/listings/" + listing + "/update")
                .then().statusCode(202).extract().path("id"));

        jobs.runDue(admin.tenantId());

        assertThat(vinted.calls(login).subList(before, vinted.calls(login).size()))
                .extracting(FakeVinted.Call::path).containsExactly("/api/v2/photos");
        Api.as(port, admin).get("/api/v1/channels/jobs/" + job).then().body("state", equalTo("PENDING"))
                .body("attempts", equalTo(0));
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                .body("used", equalTo(4)).body("remaining", equalTo(0));
        // Running again at the cap sends nothing.
        jobs.runDue(admin.tenantId());
        assertThat(vinted.calls(login)).hasSize(before + 1);

        // When the cap has room again (raised here, rather than two hours later), the job sends the second photo
        // only, then the item with both.
        Api.as(port, admin).body(Map.of("limit", 40)).put("/api/v1/channels/accounts/" + account + "/rate-limit")
                .then().statusCode(200);
        as(admin.tenantId(), () -> jdbc.update("update channel_jobs set not_before = now() where id = ?", job));
        jobs.runDue(admin.tenantId());
        List<FakeVinted.Call> resumed = vinted.calls(login).subList(before + 1, vinted.calls(login).size());
        assertThat(resumed).extracting(FakeVinted.Call::path).containsExactly("/api/v2/photos",
                "/api/v2/item_upload/items/" + vinted.items(login).getFirst().id());
        List<Long> assigned = new java.util.ArrayList<>();
        resumed.get(1).json().path("item").path("assigned_photos").forEach(p -> assigned.add(p.path("id").asLong()));
        assertThat(assigned).hasSize(2).doesNotHaveDuplicates();
        Api.as(port, admin).get("/api/v1/channels/jobs/" + job).then().body("state", equalTo("SUCCEEDED"));
    }

    @Test
    void anUpdateWhoseAnswerWasLostLooksAtTheItemFirstAndNeverWritesToOneSoldMeanwhile() {
        Account admin = Api.newBusiness(port, "Friperie mise à jour perdue");
        FakeVinted.Login login = vinted.login("maj.perdue");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID listing = ChannelsTesting.draft(port, admin, account, "Pantalon à pinces gris", "30");
        ChannelsTesting.publish(port, admin, listing);
        jobs.runDue(admin.tenantId());
        long remote = vinted.items(login).getFirst().id();

        vinted.script(login, FakeVinted.Reply.UPDATE_THEN_DROP);
        UUID first = UUID.fromString(Api.as(port, admin).body(Map.of("price", "27.90"))
                .post("/api/v1/channels/listings/" + listing + "/update").then().statusCode(202).extract().path("id"));
        jobs.runDue(admin.tenantId());
        Api.as(port, admin).get("/api/v1/channels/jobs/" + first).then().body("state", equalTo("PENDING"))
                .body("outcomeUnknown", equalTo(true));
        // Still on sale: the fields are sent again (the same fields twice change nothing), after a look at the item.
        int before = vinted.calls(login).size();
        as(admin.tenantId(), () -> jdbc.update("update channel_jobs set not_before = now() where id = ?", first));
        jobs.runDue(admin.tenantId());
        assertThat(vinted.calls(login).subList(before, vinted.calls(login).size()))
                .extracting(c -> c.method() + " " + c.path())
                .containsExactly("GET /api/v2/items/" + remote, "PUT /api/v2/item_upload/items/" + remote);
        Api.as(port, admin).get("/api/v1/channels/jobs/" + first).then().body("state", equalTo("SUCCEEDED"));

        // Lost again, and meanwhile sold on Vinted: the job looks, fails and writes nothing.
        vinted.script(login, FakeVinted.Reply.UPDATE_THEN_DROP);
        UUID second = UUID.fromString(Api.as(port, admin).body(Map.of("price", "25.90"))
                .post("/api/v1/channels/listings/" + listing + "/update").then().statusCode(202).extract().path("id"));
        jobs.runDue(admin.tenantId());
        vinted.sell(remote);
        before = vinted.calls(login).size();
        as(admin.tenantId(), () -> jdbc.update("update channel_jobs set not_before = now() where id = ?", second));
        jobs.runDue(admin.tenantId());
        assertThat(vinted.calls(login).subList(before, vinted.calls(login).size()))
                .extracting(c -> c.method() + " " + c.path()).containsExactly("GET /api/v2/items/" + remote);
        Api.as(port, admin).get("/api/v1/channels/jobs/" + second).then().body("state", equalTo("FAILED"))
                .body("error", org.hamcrest.Matchers.containsString("no longer on sale"));
    }

    @Test
    void anOrderThatTakesTheLastUnitWithdrawsTheListingFromVinted() {
        Account admin = Api.newBusiness(port, "Friperie vendu ici");
        FakeVinted.Login login = vinted.login("vendu.ici");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String variant = Api.as(port, admin).body(Map.of("name", "Manteau en laine", "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", "MANT-1", "price", new java.math.BigDecimal("60")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 1))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        Map<String, Object> draft = new java.util.LinkedHashMap<>();
        draft.put("accountId", account);
        draft.put("variantId", variant);
        draft.put("title", "Manteau en laine camel");
        draft.put("price", "60");
        draft.put("catalogId", 1907);
        draft.put("statusId", 3);
        String listing = Api.as(port, admin).body(draft).post("/api/v1/channels/listings").then().statusCode(201)
                .extract().path("id");
        ChannelsTesting.publish(port, admin, UUID.fromString(listing));
        jobs.runDue(admin.tenantId());
        long remote = vinted.items(login).getFirst().id();

        String order = Api.as(port, admin).body(Map.of("customer", Map.of("name", "Mme Dupont", "phone", "0612345678"),
                "lines", List.of(Map.of("variantId", variant, "quantity", 1)))).post("/api/v1/orders").then()
                .statusCode(201).extract().path("id");
        Api.as(port, admin).post("/api/v1/orders/" + order + "/confirm").then().statusCode(200);

        // The withdrawal is queued by the reaction to the order, after its commit.
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().statusCode(200)
                        .extract().jsonPath().getList("jobs.kind", String.class).contains("WITHDRAW"));
        jobs.runDue(admin.tenantId());

        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.state", equalTo("WITHDRAWN"))
                .body("history.what", hasItems("PUBLISHED", "SOLD_ELSEWHERE", "WITHDRAWN"));
        assertThat(vinted.calls(login).stream().map(FakeVinted.Call::path))
                .contains("/api/v2/items/" + remote + "/delete");
        assertThat(vinted.items(login)).isEmpty();
    }

    @Test
    void aMovementThatTakesTheLastUnitWithdrawsTheListingButOneThatLeavesAUnitDoesNot() {
        Account admin = Api.newBusiness(port, "Friperie casse");
        FakeVinted.Login login = vinted.login("casse.ici");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        String variant = Api.as(port, admin).body(Map.of("name", "Vase en verre", "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", "VASE-1", "price", new java.math.BigDecimal("15")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 2))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        Map<String, Object> draft = new java.util.LinkedHashMap<>();
        draft.put("accountId", account);
        draft.put("variantId", variant);
        draft.put("title", "Vase en verre soufflé");
        draft.put("price", "15");
        draft.put("catalogId", 1907);
        draft.put("statusId", 2);
        String listing = Api.as(port, admin).body(draft).post("/api/v1/channels/listings").then().statusCode(201)
                .extract().path("id");
        ChannelsTesting.publish(port, admin, UUID.fromString(listing));
        jobs.runDue(admin.tenantId());

        // One of two broken: a unit is left, the listing stays.
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "ISSUE", "quantity", 1, "reason", "cassé"))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        // The second one: the last unit leaves, the withdrawal is queued after the movement's commit.
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "ISSUE", "quantity", 1, "reason", "cassé"))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(
                () -> Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().statusCode(200)
                        .extract().jsonPath().getList("jobs.kind", String.class).contains("WITHDRAW"));
        // One withdrawal, for the movement that took the last unit.
        assertThat(Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then().statusCode(200)
                .extract().jsonPath().getList("history.what", String.class))
                .containsOnlyOnce("SOLD_ELSEWHERE");
        jobs.runDue(admin.tenantId());
        Api.as(port, admin).get("/api/v1/channels/listings/" + listing).then()
                .body("listing.state", equalTo("WITHDRAWN"));
        assertThat(vinted.items(login)).isEmpty();
    }

    @Test
    void thePeriodicCheckFindsAnItemSoldOnVintedWithoutAnyoneAskingAndSparesTheWriteCap() {
        Account admin = Api.newBusiness(port, "Friperie vérifiée");
        FakeVinted.Login login = vinted.login("verifiee");
        UUID account = ChannelsTesting.connectedAccount(port, admin, login);
        UUID sold = ChannelsTesting.draft(port, admin, account, "Robe d'été fleurie", "18");
        UUID kept = ChannelsTesting.draft(port, admin, account, "Chemise en lin", "22");
        ChannelsTesting.publish(port, admin, sold);
        ChannelsTesting.publish(port, admin, kept);
        jobs.runDue(admin.tenantId());
        long soldThere = vinted.items(login).stream().filter(i -> i.title().startsWith("Robe")).findFirst()
                .orElseThrow().id();
        vinted.sell(soldThere);

        // Just published: fresh, nothing to check yet.
        Instant now = Instant.now();
        assertThat(periodicSync.sweep(admin.tenantId(), now)).isEmpty();
        // Seven hours later both are due for a check (6 hours of freshness).
        assertThat(periodicSync.sweep(admin.tenantId(), now.plus(Duration.ofHours(7)))).hasSize(2);
        // A check already queued is not queued twice.
        assertThat(periodicSync.sweep(admin.tenantId(), now.plus(Duration.ofHours(7)))).isEmpty();
        jobs.runDue(admin.tenantId());

        Api.as(port, admin).get("/api/v1/channels/listings/" + sold).then().body("listing.state", equalTo("SOLD"));
        Api.as(port, admin).get("/api/v1/channels/listings/" + kept).then()
                .body("listing.state", equalTo("PUBLISHED")).body("history.what", hasItems("SYNCED"));
        // The checks were reads: the two publications are all the cap counted.
        Api.as(port, admin).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                .statusCode(200).body("used", equalTo(2));
        // Checked a moment ago: five hours from now it is still fresh; the sold one is not checked again.
        assertThat(periodicSync.sweep(admin.tenantId(), now.plus(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void anItemSoldOnVintedLeavesTheStockAndItsOtherListingsAreWithdrawn() {
        Account admin = Api.newBusiness(port, "Friperie vendu sur Vinted");
        FakeVinted.Login first = vinted.login("compte.un");
        FakeVinted.Login second = vinted.login("compte.deux");
        UUID one = ChannelsTesting.connectedAccount(port, admin, first);
        UUID two = ChannelsTesting.connectedAccount(port, admin, second);
        String variant = Api.as(port, admin).body(Map.of("name", "Blouson cuir", "vatRate", 20, "status", "ACTIVE",
                        "variants", List.of(Map.of("sku", "BLOU-1", "price", new java.math.BigDecimal("80")))))
                .post("/api/v1/products").then().statusCode(201).extract().path("variants[0].id");
        Api.as(port, admin).body(Map.of("variantId", variant, "type", "RECEIPT", "quantity", 1))
                .post("/api/v1/stocks/movements").then().statusCode(201);
        UUID onOne = listingOf(admin, one, variant, "Blouson en cuir noir");
        UUID onTwo = listingOf(admin, two, variant, "Blouson en cuir noir M");
        ChannelsTesting.publish(port, admin, onOne);
        ChannelsTesting.publish(port, admin, onTwo);
        jobs.runDue(admin.tenantId());
        vinted.sell(vinted.items(first).getFirst().id());

        Api.as(port, admin).post("/api/v1/channels/listings/" + onOne + "/sync").then().statusCode(202);
        jobs.runDue(admin.tenantId());
        Api.as(port, admin).get("/api/v1/channels/listings/" + onOne).then().body("listing.state", equalTo("SOLD"));
        Api.as(port, admin).get("/api/v1/stocks/" + variant).then().statusCode(200).body("onHand", equalTo(0));
        jobs.runDue(admin.tenantId());

        Api.as(port, admin).get("/api/v1/channels/listings/" + onTwo).then()
                .body("listing.state", equalTo("WITHDRAWN"))
                .body("history.what", hasItems("SOLD_ELSEWHERE", "WITHDRAWN"));
        assertThat(vinted.items(second)).isEmpty();
    }

    private UUID listingOf(Account admin, UUID account, String variant, String title) {
        Map<String, Object> draft = new java.util.LinkedHashMap<>();
        draft.put("accountId", account);
        draft.put("variantId", variant);
        draft.put("title", title);
        draft.put("price", "80");
        draft.put("catalogId", 1907);
        draft.put("statusId", 2);
        return UUID.fromString(Api.as(port, admin).body(draft).post("/api/v1/channels/listings").then().statusCode(201)
                .extract().path("id"));
    }

    @Test
    void anotherBusinessCanNeitherSeeNorUseTheAccount() {
        Account a = Api.newBusiness(port, "Friperie A");
        Account b = Api.newBusiness(port, "Friperie B");
        FakeVinted.Login login = vinted.login("a.seule");
        UUID account = ChannelsTesting.connectedAccount(port, a, login);
        UUID listing = ChannelsTesting.draft(port, a, account, "Pull marin en laine", "19");
        ChannelsTesting.publish(port, a, listing);
        jobs.runDue(a.tenantId());

        Api.as(port, b).get("/api/v1/channels/accounts").then().statusCode(200).body("size()", equalTo(0));
        Api.as(port, b).get("/api/v1/channels/accounts/" + account).then().spec(Api.problem(404, "not-found"));
        Api.as(port, b).get("/api/v1/channels/vinted/accounts/" + account + "/rate-limit").then()
                .spec(Api.problem(404, "not-found"));
        Api.as(port, b).get("/api/v1/channels/listings/" + listing).then().spec(Api.problem(404, "not-found"));
        Api.as(port, b).post("/api/v1/channels/listings/" + listing + "/withdraw").then()
                .spec(Api.problem(404, "not-found"));
        Api.as(port, b).body(Map.of("accountId", account, "variantId", UUID.randomUUID(), "title", "Pull volé",
                        "price", "5", "catalogId", 1, "statusId", 1)).post("/api/v1/channels/listings").then()
                .spec(Api.problem(400, "validation")).body("errors.field", hasItems("accountId"));

        List<String> forced = jdbc.queryForList("select relname::text from pg_class where relname::text = any(?)"
                + " and relrowsecurity and relforcerowsecurity", String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(forced).containsExactlyInAnyOrderElementsOf(TABLES);
        for (String table : TABLES) {
            Long mine = as(a.tenantId(), () -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            Long theirs = as(b.tenantId(), () -> jdbc.queryForObject("select count(*) from " + table
                    + " where tenant_id = ?", Long.class, a.tenantId()));
            Long none = new TransactionTemplate(transactions).execute(s -> jdbc.queryForObject(
                    "select count(*) from " + table, Long.class));
            assertThat(mine).as(table + " seen by its business").isPositive();
            assertThat(theirs).as(table + " seen by another business").isZero();
            assertThat(none).as(table + " seen without a business").isZero();
        }
    }
}
