package app.comptoir.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import app.comptoir.notifications.application.Notice;
import app.comptoir.notifications.application.PushDeliveries;
import app.comptoir.notifications.persistence.PushDeliveryStore;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * Web push end to end against a local push service speaking the protocol ({@link PushServiceFake}): a user
 * subscribes a browser through the API, the push channel gets a notice, and the push service receives a
 * message signed with the deployment's VAPID key that the browser decrypts to the notice's title, body and
 * link. The channel is called directly (the dispatcher that routes events to it is another piece).
 */
@IntegrationTest
class WebPushIT {

    /** db-scheduler polls every 10 s: a delivery (and a retry) is sent within a poll or two. */
    private static final Duration SENDING = Duration.ofSeconds(60);

    private static PushServiceFake pushService;

    @LocalServerPort
    int port;

    @Autowired
    PushDeliveries push;

    @Autowired
    TenantContext tenants;

    @Autowired
    Scheduler scheduler;

    Account owner;

    @BeforeAll
    static void allowTheLocalPushService() {
        // Endpoints must be https; plain http to the loopback only when the operator says so (here, for the fake).
        System.setProperty("comptoir.push.allow-loopback-endpoints", "true");
    }

    @AfterAll
    static void stopThePushService() {
        System.clearProperty("comptoir.push.allow-loopback-endpoints");
        if (pushService != null) {
            pushService.close();
        }
    }

    @BeforeEach
    void startThePushService() throws Exception {
        if (pushService == null) {
            String key = Api.as(port, Api.newBusiness(port, "Key")).get("/api/v1/push/vapid-public-key")
                    .then().statusCode(200).extract().path("publicKey");
            pushService = new PushServiceFake(key);
        }
        owner = Api.newBusiness(port, "Push");
    }

    @Test
    void aSubscribedBrowserReceivesTheNoticeEncryptedForItAndSignedByTheServer() {
        PushServiceFake.Browser browser = pushService.newBrowser();
        String id = subscribe(owner, browser);
        assertThat(subscribe(owner, browser)).as("subscribing again is idempotent").isEqualTo(id);
        Api.as(port, owner).get("/api/v1/push/subscriptions").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1)).body("[0].id", org.hamcrest.Matchers.equalTo(id));

        Notice notice = notice(owner, "order.driver_assigned", "Commande CMD-2026-000042 à livrer",
                "Chez Awa Diop, 12 rue des Lilas — 3 articles", "/app/sales/orders/42");
        deliver(notice);
        deliver(notice); // a replayed notice queues nothing more

        await(() -> pushService.receivedBy(browser).size() == 1);
        PushServiceFake.Received message = pushService.receivedBy(browser).getFirst();
        assertThat(message.title()).isEqualTo("Commande CMD-2026-000042 à livrer");
        assertThat(message.body()).isEqualTo("Chez Awa Diop, 12 rue des Lilas — 3 articles");
        assertThat(message.link()).isEqualTo("/app/sales/orders/42");
        assertThat(message.urgency()).isEqualTo("high");
        assertThat(Integer.parseInt(message.ttl())).isBetween(86_000, 86_400);
        assertThat(pushService.refused()).isEmpty();
        await(() -> deliveries(notice).getFirst().status() == PushDeliveryStore.Status.SENT);
        assertThat(deliveries(notice)).hasSize(1);
        Api.as(port, owner).get("/api/v1/push/subscriptions").then().statusCode(200)
                .body("[0].lastSuccessAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aBrowserThePushServiceSaysIsGoneIsRemoved() {
        PushServiceFake.Browser gone = pushService.newBrowser();
        subscribe(owner, gone);
        pushService.script(gone, new PushServiceFake.Answer(410, Map.of()));

        deliver(notice(owner, "order.created", "Commande créée", "", null));

        await(() -> Api.as(port, owner).get("/api/v1/push/subscriptions").then().statusCode(200).extract()
                .jsonPath().getList("$").isEmpty());
        assertThat(pushService.receivedBy(gone)).isEmpty();
    }

    @Test
    void aPushServiceErrorIsRetriedWhenItSaysAndTheNoticeArrivesOnce() {
        PushServiceFake.Browser browser = pushService.newBrowser();
        subscribe(owner, browser);
        pushService.script(browser, new PushServiceFake.Answer(500, Map.of("Retry-After", "1")));

        Notice notice = notice(owner, "stock.alert", "Rupture : Café moulu 250 g", "Plus aucun en stock à Boutique",
                "/app/inventory/alerts");
        deliver(notice);

        await(() -> pushService.receivedBy(browser).size() == 1);
        await(() -> deliveries(notice).getFirst().status() == PushDeliveryStore.Status.SENT);
        PushDeliveryStore.Row row = deliveries(notice).getFirst();
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.lastStatus()).isEqualTo(201);
        assertThat(pushService.attemptsFor(browser)).isEqualTo(2);
        assertThat(pushService.receivedBy(browser)).hasSize(1);
    }

    @Test
    void aNoticeQueuedWhileNoNodeSendsIsSentWhenOneRuns() {
        PushServiceFake.Browser browser = pushService.newBrowser();
        subscribe(owner, browser);
        Notice notice = notice(owner, "order.confirmed", "Commande confirmée", "CMD-2026-000043", "/app/sales/orders/43");
        scheduler.pause(); // no node sends: what was queued must be in the database, not in a node's memory
        try {
            deliver(notice);
            PushDeliveryStore.Row queued = deliveries(notice).getFirst();
            assertThat(queued.status()).isEqualTo(PushDeliveryStore.Status.QUEUED);
            assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("notifications-push-delivery",
                    owner.tenantId() + ":" + queued.id()))).isPresent();
            assertThat(pushService.receivedBy(browser)).isEmpty();
        } finally {
            scheduler.resume();
        }
        await(() -> pushService.receivedBy(browser).size() == 1);
        assertThat(pushService.receivedBy(browser).getFirst().title()).isEqualTo("Commande confirmée");
    }

    @Test
    void aSubscriptionThatIsNotAPushServiceUrlOrHasBadKeysIsRefusedFieldByField() {
        Api.as(port, owner).body(Map.of("endpoint", "http://intranet.example/steal", "keys",
                        Map.of("p256dh", "not-a-key", "auth", "c2hvcnQ")))
                .post("/api/v1/push/subscriptions").then().spec(Api.problem(400, "validation"))
                .body("errors.field", hasItem("endpoint")).body("errors.field", hasItem("p256dh"))
                .body("errors.field", hasItem("auth"));
        Api.as(port, owner).delete("/api/v1/push/subscriptions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aUserSeesAndRemovesOnlyTheirOwnDevices() {
        PushServiceFake.Browser mine = pushService.newBrowser();
        String id = subscribe(owner, mine);
        Account colleague = Api.newUser(port, owner, "DRIVER");
        Api.as(port, colleague).get("/api/v1/push/subscriptions").then().statusCode(200).body("size()",
                org.hamcrest.Matchers.equalTo(0));
        Api.as(port, colleague).delete("/api/v1/push/subscriptions/" + id).then().statusCode(404);
        Api.as(port, owner).delete("/api/v1/push/subscriptions/" + id).then().statusCode(204);
        Api.as(port, owner).get("/api/v1/push/subscriptions").then().body("size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theAccountPageOffersTheSwitchAndListsTheDevices() {
        PushServiceFake.Browser browser = pushService.newBrowser();
        subscribe(owner, browser);
        WebSession web = new WebSession(port);
        web.signIn(owner.email(), owner.password());
        WebSession.Page account = web.get("/app/account/password");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("hx-get=\"/app/push/devices\"").contains("/js/push.js");
        WebSession.Page card = web.get("/app/push/devices", "HX-Request", "true");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body()).contains("data-push-switch").contains("Recevoir les notifications sur cet appareil")
                .contains("data-vapid-key=\"").contains(browser.endpoint()).contains("Retirer");
        WebSession.Page worker = web.get("/js/push-sw.js");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.body()).contains("showNotification").contains("notificationclick");
    }

    private String subscribe(Account account, PushServiceFake.Browser browser) {
        return Api.as(port, account).header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile")
                .body(Map.of("endpoint", browser.endpoint(), "keys",
                        Map.of("p256dh", browser.p256dh(), "auth", browser.authText())))
                .post("/api/v1/push/subscriptions").then().statusCode(201)
                .body("label", org.hamcrest.Matchers.equalTo("Chrome · Android")).extract().path("id");
    }

    private Notice notice(Account to, String type, String title, String body, String link) {
        return new Notice(UUID.randomUUID(), to.tenantId(), to.userId(), to.email(), Locale.FRENCH, type, title, body,
                link, Instant.now());
    }

    private void deliver(Notice notice) {
        tenants.runAs(notice.tenantId(), () -> push.deliver(notice));
    }

    private List<PushDeliveryStore.Row> deliveries(Notice notice) {
        return tenants.callAs(notice.tenantId(), () -> push.ofNotice(notice.tenantId(), notice.id()));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(SENDING).pollInterval(Duration.ofMillis(200)).until(condition);
    }
}
