package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import app.comptoir.inspections.InspectionRows;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.ShopperLinks;
import app.comptoir.support.WebSession;

/**
 * The motorist's space on the customer accounts of an inspection centre that has no shop: the motorist registers,
 * sees nothing until their e-mail is verified (the address is what ties the account to the centre's vehicles), then
 * finds their vehicle with its next due date and inspections, downloads the report and the certificate, and never
 * anyone else's; a shop without inspections has no such page; the demo centre's motorist signs in to two vehicles.
 */
@IntegrationTest
class MotoristSpaceIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    ShopperLinks mailbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void aMotoristFindsTheirInspectionsAndDocumentsOnlyOnceTheirAddressIsVerified() {
        Account centre = Api.newBusiness(port, "CT des Tilleuls");
        modules(centre, List.of("INSPECTIONS", "BOOKINGS"), List.of("STOREFRONT"));
        String slug = centre.tenantSlug();
        String email = Api.uniqueEmail("motoriste");
        InspectionRows rows = new InspectionRows(jdbc, txManager);
        LocalDate today = LocalDate.now(PARIS);
        Instant lastMonth = Instant.now().minus(30, ChronoUnit.DAYS);
        // the centre typed the address in capitals: it still ties the vehicle to the account
        InspectionRows.Written mine = rows.completed(centre, "AB-123-CD", "VF1RJA00X56123456",
                email.toUpperCase(Locale.ROOT), Outcome.FAVOURABLE,
                Map.of("7.3", new InspectionRows.Defect(Grade.MINOR, "Avertisseur faible", false)), lastMonth,
                today.minusDays(30).plusYears(2), null, "PV-2026-000041");
        InspectionRows.Written someoneElses = rows.completed(centre, "GH-456-JK", "VF1RJA00X56123457",
                Api.uniqueEmail("voisin"), Outcome.FAVOURABLE, Map.of(), lastMonth, today.plusYears(2), null,
                "PV-2026-000042");

        String base = "/shop/" + slug;
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get(base).status()).as("no shop: no catalog").isEqualTo(404);
        WebSession.Page toLogin = visitor.get(base + "/account/inspections");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.location().orElseThrow()).contains("/account/login", "next=");
        WebSession.Page pdfToLogin = visitor.get(base + "/account/inspections/" + mine.inspectionId() + "/report.pdf");
        assertThat(pdfToLogin.status()).isEqualTo(303);
        assertThat(pdfToLogin.location().orElseThrow()).contains("/account/login", "report.pdf");

        WebSession motorist = new WebSession(port);
        WebSession.Page registered = motorist.postRaw(base + "/account/register", Map.of("name", "Jeanne Dupont",
                "email", email, "phone", "", "password", Api.PASSWORD));
        assertThat(registered.status()).isEqualTo(302);
        WebSession.Page unverified = motorist.get(base + "/account/inspections");
        assertThat(unverified.status()).isEqualTo(200);
        assertThat(unverified.body()).contains("data-verify-first", "Vérifiez votre adresse")
                .doesNotContain("AB-123-CD", "data-vehicle");
        assertThat(motorist.get(base + "/account/inspections/" + mine.inspectionId() + "/report.pdf").status())
                .as("no document before the address is verified").isEqualTo(404);

        assertThat(motorist.get(base + "/account/verify?token=" + mailbox.token(email, "VERIFY", 1)).status())
                .isEqualTo(200);
        WebSession.Page space = motorist.get(base + "/account/inspections");
        assertThat(space.status()).isEqualTo(200);
        assertThat(space.header("Cache-Control")).isEqualTo("private, no-store");
        String html = space.body();
        assertThat(html).contains("data-plate=\"AB-123-CD\"", "Renault Clio IV", "PV-2026-000041",
                        "Contrôle périodique", "data-outcome=\"FAVOURABLE\"", "Prochain contrôle avant le",
                        "data-due-state=\"LATER\"", "Procès-verbal (PDF)", "Certificat (PDF)", "data-tab-inspections",
                        "href=\"/book/" + slug + "\"", "Espace client")
                .doesNotContain("GH-456-JK", "PV-2026-000042", "data-tab-orders", "data-tab-addresses",
                        "data-shop-cart", "data-shop-search");

        WebSession.Page report = motorist.get(base + "/account/inspections/" + mine.inspectionId() + "/report.pdf");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(report.header("Content-Disposition")).contains("inline", "PV-2026-000041");
        assertThat(report.body()).startsWith("%PDF-");
        WebSession.Page certificate = motorist.get(base + "/account/inspections/" + mine.inspectionId()
                + "/certificate.pdf?lang=en");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.body()).startsWith("%PDF-");
        assertThat(motorist.get(base + "/account/inspections/" + someoneElses.inspectionId() + "/report.pdf")
                .status()).as("someone else's report").isEqualTo(404);
        assertThat(motorist.get(base + "/account/inspections/" + someoneElses.inspectionId() + "/certificate.pdf")
                .status()).isEqualTo(404);
        assertThat(motorist.get(base + "/account/orders").status()).as("no shop: no orders").isEqualTo(404);

        WebSession.Page english = motorist.get(base + "/account/inspections?lang=en");
        assertThat(english.body()).contains("Vehicle inspections", "Next inspection before", "Report (PDF)");
    }

    @Test
    void aCounterVisitDueSoonIsPointedOutWithTheBookingPage() {
        Account centre = Api.newBusiness(port, "CT du Lac");
        modules(centre, List.of("INSPECTIONS", "BOOKINGS", "STOREFRONT"), List.of());
        String email = Api.uniqueEmail("contre-visite");
        LocalDate today = LocalDate.now(PARIS);
        new InspectionRows(jdbc, txManager).completed(centre, "EF-789-GH", "VF1RJA00X56123458", email,
                Outcome.COUNTER_VISIT, Map.of("5.1", new InspectionRows.Defect(Grade.MAJOR, "Pneu usé", false)),
                Instant.now().minus(40, ChronoUnit.DAYS), null, today.plusDays(20), "PV-2026-000051");
        WebSession motorist = new WebSession(port);
        String base = "/shop/" + centre.tenantSlug() + "/account";
        motorist.postRaw(base + "/register", Map.of("name", "Paul Durand", "email", email, "phone", "",
                "password", Api.PASSWORD));
        motorist.get(base + "/verify?token=" + mailbox.token(email, "VERIFY", 1));
        String html = motorist.get(base + "/inspections").body();
        assertThat(html).contains("data-plate=\"EF-789-GH\"", "Contre-visite avant le", "data-due-state=\"SOON\"",
                        "data-outcome=\"COUNTER_VISIT\"", "data-book")
                .doesNotContain("data-certificate");
        // the shop is on here too: the account has its orders and the shop's header
        String profile = motorist.get(base).body();
        assertThat(profile).contains("data-tab-inspections", "data-tab-orders", "data-shop-cart");
    }

    @Test
    void aShopWithoutInspectionsHasNoMotoristSpace() {
        Shops shop = Shops.open(port, "Jardinerie sans contrôle");
        WebSession visitor = new WebSession(port);
        String base = "/shop/" + shop.slug() + "/account";
        String email = Api.uniqueEmail("jardin");
        visitor.postRaw(base + "/register", Map.of("name", "Claire Rousseau", "email", email, "phone", "",
                "password", Api.PASSWORD));
        assertThat(visitor.get(base + "/inspections").status()).isEqualTo(404);
        assertThat(visitor.get(base).body()).contains("data-tab-orders").doesNotContain("data-tab-inspections");
    }

    @Test
    void theDemoCentresMotoristSignsInToTheirTwoVehicles() {
        WebSession motorist = new WebSession(port);
        assertThat(motorist.get("/book/ct-du-centre").body()).as("the booking page links to the space")
                .contains("data-customer-space", "href=\"/shop/ct-du-centre/account\"", "Mon espace");
        String base = "/shop/ct-du-centre/account";
        motorist.get(base + "/login");
        WebSession.Page signedIn = motorist.postRaw(base + "/login", Map.of("email", "client@ct-du-centre.demo",
                "password", Api.DEMO_PASSWORD));
        assertThat(signedIn.status()).isEqualTo(302);
        String html = motorist.get(base + "/inspections").body();
        assertThat(html).contains("data-vehicle", "data-outcome=\"FAVOURABLE\"", "Contre-visite", "data-certificate");
        assertThat(html.split("data-plate=", -1).length - 1).as("vehicles").isEqualTo(2);
    }

    /** Switches modules on and off in the business's settings, as its owner would. */
    private void modules(Account business, List<String> on, List<String> off) {
        JsonPath tenant = Api.as(port, business).get("/api/v1/tenant").then().statusCode(200).extract().jsonPath();
        List<String> modules = new ArrayList<>(tenant.getList("enabledModules", String.class));
        modules.removeAll(off);
        on.stream().filter(m -> !modules.contains(m)).forEach(modules::add);
        Api.as(port, business).body(Map.of("name", tenant.getString("name"), "slug", tenant.getString("slug"),
                        "currency", tenant.getString("currency"), "locale", tenant.getString("locale"),
                        "timezone", tenant.getString("timezone"), "enabledModules", modules))
                .put("/api/v1/tenant").then().statusCode(200);
    }
}
