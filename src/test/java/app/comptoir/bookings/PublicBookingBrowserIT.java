package app.comptoir.bookings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * A motorist books their car's inspection on their phone (390 × 844, French) and pays at the counter: service, day,
 * time, their details (a wrong plate said next to its field), payment on site, the confirmation with its QR code and
 * calendar file; then the centre's staff, on a laptop, find the appointment in the calendar, take the payment in
 * cash, see it paid, and find it in the day's cash drawer.
 */
@IntegrationTest
class PublicBookingBrowserIT {

    private static final String INSPECTION = "Contrôle technique véhicule particulier";
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @Test
    void aMotoristBooksOnTheirPhoneAndTheCounterTakesTheirCashOnTheDay() {
        BookingsApi centre = BookingsApi.newCentre(port);
        String lane = centre.resource("Ligne 1", 1, List.of(1, 2, 3, 4, 5, 6), "08:00", "12:00", "13:30", "18:00");
        centre.service(INSPECTION, 45, "78.00", List.of("M1"), lane);
        centre.service("Contre-visite", 20, "15.00", List.of("M1", "N1"), lane);
        // the day after tomorrow (Monday when that is a Sunday): in the booking page's first week
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(2);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }

        // The motorist, on their phone: the centre's services, then the inspection.
        Page phone = browsers.page();
        phone.navigate("/book/" + centre.slug());
        assertThat(phone.locator("[data-services] [data-service]")).hasCount(2);
        assertThat(phone.locator("[data-service='" + INSPECTION + "']")).containsText("78,00");
        assertThat(phone.locator("[data-service='" + INSPECTION + "']")).containsText("45 min");
        assertNoSidewaysScrolling(phone);
        browsers.screenshot("booking-services-phone");
        phone.locator("[data-service='" + INSPECTION + "']").click();

        // The week strip, a day, a time.
        Locator chosenDay = phone.locator("[data-week-strip] [data-day='" + day + "']");
        assertThat(chosenDay).isVisible();
        chosenDay.click();
        assertThat(phone.locator("[data-week-strip] [data-day='" + day + "']")).hasAttribute("aria-current", "date");
        assertThat(phone.locator("[data-slots] [data-slot='09:00']")).isVisible();
        assertNoSidewaysScrolling(phone);
        // each day of the strip keeps its name, date and count within its box
        org.assertj.core.api.Assertions.assertThat(phone.evaluate("[...document.querySelectorAll('.week-day')]"
                + ".filter(d => d.scrollWidth > d.clientWidth + 1).map(d => d.dataset.day)")).asList().isEmpty();
        browsers.screenshot("booking-slots-phone");
        phone.locator("[data-slots] [data-slot='09:00']").click();

        // Their details: a plate not in a French format is said next to its field, in French.
        assertThat(phone.locator("[data-when]")).containsText("09:00");
        phone.getByLabel("Nom", EXACT).fill("Julie Faure");
        phone.getByLabel("Téléphone", EXACT).fill("06 12 34 56 78");
        phone.locator("#email").fill("julie.faure@example.test");
        phone.getByLabel("Immatriculation", EXACT).fill("ABC 12");
        assertThat(phone.locator("#pay-on-site")).isChecked();
        // no online payment offered: the centre has not set up Stripe
        assertThat(phone.locator("#pay-online")).hasCount(0);
        phone.locator("[data-book]").click();
        assertThat(phone.locator("#vehiclePlate")).hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(phone.locator("#vehiclePlate-error")).containsText("immatriculation française");
        assertThat(phone.getByLabel("Nom", EXACT)).hasValue("Julie Faure");
        phone.getByLabel("Immatriculation", EXACT).fill("ab 123 cd");
        phone.locator("#pay-on-site").check();
        browsers.screenshot("booking-details-phone");
        phone.locator("[data-book]").click();

        // The confirmation: reference, plate, the QR code of the link, the calendar file.
        phone.waitForURL(Pattern.compile(".*/book/" + centre.slug() + "/manage/[^/?]+\\?booked$"));
        assertThat(phone.locator("h1[data-status]")).hasAttribute("data-status", "CONFIRMED");
        assertThat(phone.locator("h1[data-status]")).hasText("Votre rendez-vous est confirmé");
        assertThat(phone.locator("[data-reference]")).hasText(Pattern.compile("RDV-\\d{4}-000001"));
        String reference = phone.locator("[data-reference]").textContent().strip();
        assertThat(phone.locator("[data-plate]")).hasText("AB-123-CD");
        assertThat(phone.locator("[data-when]")).containsText("09:00 – 09:45");
        assertThat(phone.locator("[data-when]")).containsText(String.valueOf(day.getDayOfMonth()));
        phone.waitForFunction("() => { const qr = document.querySelector('img[data-qr]');"
                + " return qr && qr.complete && qr.naturalWidth > 0; }");
        String ics = phone.locator("[data-ics]").getAttribute("href");
        APIResponse calendar = phone.request().get(ics);
        org.assertj.core.api.Assertions.assertThat(calendar.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(calendar.headers().get("content-type")).startsWith("text/calendar");
        org.assertj.core.api.Assertions.assertThat(calendar.text()).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT",
                INSPECTION, reference);
        assertNoSidewaysScrolling(phone);
        browsers.screenshot("booking-confirmed-phone");

        // The counter, on a laptop: the day's calendar shows the appointment, to be paid on site.
        Page staff = browsers.anotherPage();
        staff.setViewportSize(1280, 860);
        signIn(staff, centre.admin);
        staff.locator("[data-navigation]").getByText("Rendez-vous").click();
        staff.waitForURL("**/app/bookings");
        staff.locator("#calendar-day").fill(day.toString());
        staff.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Afficher")).click();
        Locator card = staff.locator("[data-resource='Ligne 1'] [data-appointment='" + reference + "']");
        assertThat(card).containsText("09:00 – 09:45");
        assertThat(card).containsText("Julie Faure");
        assertThat(card).containsText("AB-123-CD");
        assertThat(card.locator("[data-payment]")).hasAttribute("data-payment", "UNPAID");
        assertThat(card.locator("[data-payment]")).containsText("78,00");
        browsers.screenshot(staff, "booking-staff-calendar");

        // "Encaisser": the amount due is offered; cash.
        card.locator("a[data-act='collect']").click();
        Locator collect = staff.locator("[data-collect-form]");
        assertThat(collect).isVisible();
        assertThat(staff.locator("#collect-amount")).hasValue(Pattern.compile("78(,00)?"));
        staff.locator("#collect-method").selectOption("CASH");
        browsers.screenshot(staff, "booking-staff-collect");
        collect.locator("button[data-act='collect']").click();
        assertThat(staff.locator("[data-flash]")).containsText("Paiement enregistré");
        assertThat(staff.locator("h1 [data-payment]")).hasAttribute("data-payment", "PAID");
        assertThat(staff.locator("h1 [data-payment]")).hasText("Payé");
        assertThat(staff.locator("[data-paid]")).containsText("78,00");
        assertThat(staff.locator("[data-to-collect]")).containsText("0,00");
        assertThat(staff.locator("[data-collect-form]")).hasCount(0);

        // Back in the calendar it shows paid; today's cash drawer has the 78 €.
        staff.locator(".breadcrumb a").click();
        assertThat(staff.locator("[data-appointment='" + reference + "'] [data-payment]")).hasAttribute("data-payment",
                "PAID");
        // A new business has more entries than the bar holds: payments are under "Plus".
        staff.locator("[data-navigation-more] > button").click();
        staff.locator("[data-navigation]").getByText("Paiements").click();
        staff.waitForURL("**/app/payments");
        assertThat(staff.locator("[data-cash-total]")).containsText("78,00");
        assertThat(staff.locator("[data-drawer-method='CASH'] [data-net]")).containsText("78,00");
        browsers.screenshot(staff, "booking-staff-cash-drawer");
    }

    @Test
    void theDemoCentresDayShowsItsLanesAndInspectorsAndItsBookingPageFitsAPhone() {
        Page staff = browsers.page();
        staff.setViewportSize(1280, 860);
        staff.navigate("/login");
        staff.locator("#email").fill("manager@ct-du-centre.demo");
        staff.locator("#password").fill(app.comptoir.support.Api.DEMO_PASSWORD);
        staff.locator("#login-form button[type=submit]").click();
        // the centre sells no goods: its home is the day's calendar
        staff.waitForURL("**/app/bookings");
        assertThat(staff.locator("[data-navigation] > li > .nav-link"))
                .hasText(new String[] {"Accueil", "Rendez-vous", "Contrôles", "Paiements"});
        assertThat(staff.locator("[data-day-view] [data-resource]"))
                .hasCount(4);
        staff.locator("[data-view='week']").click();
        assertThat(staff.locator("[data-week-view] [data-appointment]").first()).isVisible();
        browsers.screenshot(staff, "demo-centre-week");
        staff.locator("[data-previous]").click();
        assertThat(staff.locator("[data-week-view] [data-status='COMPLETED']").first()).isVisible();

        Page phone = browsers.anotherPage();
        phone.navigate("/book/ct-du-centre");
        assertThat(phone.locator("[data-public-note]")).containsText("carte grise");
        assertThat(phone.locator("[data-services] [data-service]")).hasCount(5);
        phone.locator("[data-service='" + INSPECTION + "']").click();
        assertThat(phone.locator("[data-slots] [data-slot]").first()).isVisible();
        assertNoSidewaysScrolling(phone);
        browsers.screenshot(phone, "demo-centre-booking-phone");
    }

    private static void assertNoSidewaysScrolling(Page page) {
        Object wide = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(wide).as("sideways scrolling on %s", page.url()).isEqualTo(false);
    }

    private static void signIn(Page page, Account account) {
        page.navigate("/login");
        page.locator("#email").fill(account.email());
        page.locator("#password").fill(account.password());
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/app(/.*)?$"));
    }
}
