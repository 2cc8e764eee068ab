package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.notifications.MailIntegrationTest;
import app.comptoir.notifications.MailTesting;
import app.comptoir.platform.Ids;
import app.comptoir.platform.TenantContext;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.WebSession;

/**
 * A shopkeeper invites its manual supplier: the e-mail arrives (through a real SMTP server), the supplier follows
 * the link and registers its business, which is a verified registered supplier, and the shopkeeper's supplier is
 * linked to it with its past orders kept. The link works once, and not after 7 days.
 */
@MailIntegrationTest
class SupplierInvitationsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("/supplier-invitation/([A-Za-z0-9_\\-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager txManager;

    @BeforeEach
    void smtpIsUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpDown() {
        MailTesting.stopSmtp();
    }

    @Test
    void anInvitedSupplierRegistersThroughTheMailedLinkAndIsLinkedAndVerified() {
        Account shop = Api.newBusiness(port, "Épicerie invitante");
        String supplierEmail = Api.uniqueEmail("grossiste");
        UUID supplierId = manualSupplier(shop, "Grossiste Diallo", supplierEmail);
        UUID oldOrder = pastOrder(shop, supplierId, "Grossiste Diallo");

        Api.as(port, shop).body(Map.of()).post("/api/v1/suppliers/" + supplierId + "/invitations")
                .then().statusCode(201).body("email", equalTo(supplierEmail));
        MimeMessage mail = mailTo(supplierEmail);
        String text = MailTesting.part(mail, "text/plain");
        assertThat(text).contains(MailTesting.PUBLIC_URL + "/supplier-invitation/").contains("Grossiste Diallo");
        String token = token(text);
        assertThat(jdbc.queryForObject("select count(*) from supplier_invitation_links where token_hash = ?",
                Integer.class, token)).as("only the token's hash is kept").isZero();

        WebSession web = new WebSession(port);
        String form = web.get("/supplier-invitation/" + token).body();
        assertThat(form).contains("value=\"Grossiste Diallo\"").contains(supplierEmail);
        WebSession.Page done = web.post("/supplier-invitation/" + token, Map.of("businessName", "Grossiste Diallo SARL",
                "email", supplierEmail, "name", "Awa Diallo", "password", Api.PASSWORD));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("data-registered");

        // The supplier signs in: a supplier business, whose verified profile the shopkeeper's supplier now points to.
        Account supplier = signIn(port, supplierEmail);
        Api.as(port, supplier).get("/api/v1/supplier/profile").then().statusCode(200)
                .body("verified", equalTo(true)).body("company", equalTo("Grossiste Diallo SARL"));
        UUID linked = asTenant(shop.tenantId(), () -> jdbc.queryForObject(
                "select registered_tenant_id from suppliers where id = ?", UUID.class, supplierId));
        assertThat(linked).isEqualTo(supplier.tenantId());
        String oldStatus = asTenant(shop.tenantId(), () -> jdbc.queryForObject(
                "select status from purchase_orders where id = ?", String.class, oldOrder));
        assertThat(oldStatus).as("past orders stay").isEqualTo("DELIVERED");
        // The verified supplier is on the marketplace.
        Api.as(port, shop).queryParam("q", "Diallo SARL").get("/api/v1/marketplace/suppliers").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].verified", equalTo(true));

        // The link works once.
        assertThat(new WebSession(port).get("/supplier-invitation/" + token).body())
                .contains("data-reason=\"USED\"").contains("déjà été utilisée");
        // Inviting a supplier already on Comptoir is refused.
        Api.as(port, shop).body(Map.of()).post("/api/v1/suppliers/" + supplierId + "/invitations")
                .then().spec(Api.problem(409, "supplier-already-registered"));
    }

    @Test
    void anInvitationOlderThanSevenDaysIsRefused() {
        Account shop = Api.newBusiness(port, "Épicerie patiente");
        String supplierEmail = Api.uniqueEmail("lent");
        UUID supplierId = manualSupplier(shop, "Fournisseur lent", supplierEmail);
        String id = Api.as(port, shop).body(Map.of()).post("/api/v1/suppliers/" + supplierId + "/invitations")
                .then().statusCode(201).extract().path("id");
        String token = token(MailTesting.part(mailTo(supplierEmail), "text/plain"));

        // Eight days later (the invitation's clock moved back instead of the application's).
        asTenant(shop.tenantId(), () -> jdbc.update("update supplier_invitations set created_at = created_at - "
                + "interval '8 days', expires_at = expires_at - interval '8 days' where id = ?", UUID.fromString(id)));
        WebSession web = new WebSession(port);
        assertThat(web.get("/supplier-invitation/" + token).body()).contains("data-reason=\"EXPIRED\"")
                .contains("Cette invitation a expiré");
        WebSession.Page refused = web.post("/supplier-invitation/" + token, Map.of("businessName", "Lent",
                "email", supplierEmail, "name", "", "password", Api.PASSWORD));
        assertThat(refused.body()).contains("data-reason=\"EXPIRED\"");
        Api.login(port, supplierEmail, Api.PASSWORD).then().statusCode(401);
        // An unknown link says so.
        assertThat(web.get("/supplier-invitation/not-a-token").body()).contains("data-reason=\"INVALID\"");
    }

    @Test
    void aRegistrationWithAWeakPasswordIsRefusedNextToTheFieldAndTheLinkStillWorks() {
        Account shop = Api.newBusiness(port, "Épicerie prudente");
        String supplierEmail = Api.uniqueEmail("prudent");
        UUID supplierId = manualSupplier(shop, "Fournisseur prudent", supplierEmail);
        // Invited from the supplier's page ("Inviter à rejoindre Comptoir").
        WebSession buyer = new WebSession(port);
        buyer.signIn(shop.email(), shop.password());
        assertThat(buyer.get("/app/purchasing/suppliers/" + supplierId).body()).contains("data-invite-supplier")
                .contains("Inviter à rejoindre Comptoir");
        WebSession.Page sent = buyer.post("/app/purchasing/suppliers/" + supplierId + "/invite",
                Map.of("email", supplierEmail));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(buyer.get(sent.location().orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Invitation envoyée");
        String token = token(MailTesting.part(mailTo(supplierEmail), "text/plain"));
        WebSession web = new WebSession(port);
        web.get("/supplier-invitation/" + token);
        WebSession.Page weak = web.post("/supplier-invitation/" + token, Map.of("businessName", "Prudent",
                "email", supplierEmail, "name", "", "password", "1234"));
        assertThat(weak.body()).contains("id=\"password-error\"").doesNotContain("data-registered");
        WebSession.Page done = web.post("/supplier-invitation/" + token, Map.of("businessName", "Prudent",
                "email", supplierEmail, "name", "", "password", Api.PASSWORD));
        assertThat(done.body()).contains("data-registered");
    }

    private UUID manualSupplier(Account shop, String name, String email) {
        return UUID.fromString(Api.as(port, shop).body(Map.of("name", name, "email", email))
                .post("/api/v1/suppliers").then().statusCode(201).extract().<String>path("id"));
    }

    private UUID pastOrder(Account shop, UUID supplierId, String supplierName) {
        UUID id = Ids.newId();
        asTenant(shop.tenantId(), () -> jdbc.update("""
                insert into purchase_orders (id, tenant_id, number, supplier_id, supplier_name, buyer_name, status,
                  currency, total, delivered_at, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, 'Épicerie', 'DELIVERED', 'EUR', 120, now(), now(), ?, now(), ?)""",
                id, shop.tenantId(), "ACH-" + Instant.now().getEpochSecond() % 100000, supplierId, supplierName,
                shop.userId(), shop.userId()));
        return id;
    }

    private <T> T asTenant(UUID tenant, java.util.concurrent.Callable<T> work) {
        return tenantContext.callAs(tenant, () -> new TransactionTemplate(txManager).execute(status -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private static MimeMessage mailTo(String address) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> MailTesting.mailsTo(address), hasSize(1));
        return MailTesting.mailsTo(address).getFirst();
    }

    private static String token(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("the link in the mail").isTrue();
        return matcher.group(1);
    }

    /** Signs in an account the test did not create through {@link Api}. */
    static Account signIn(int port, String email) {
        io.restassured.path.json.JsonPath body = Api.login(port, email, Api.PASSWORD).then().statusCode(200)
                .extract().jsonPath();
        return new Account(UUID.fromString(body.getString("tenant.id")), body.getString("tenant.slug"),
                UUID.fromString(body.getString("user.id")), body.getString("user.email"), Api.PASSWORD,
                body.getString("accessToken"), body.getString("refreshToken"));
    }
}
