package app.comptoir.bookings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * A motorist on their phone (390 × 844, French) opens the demo inspection centre's booking page, goes to its
 * questions, asks which documents to bring, and reads the built-in helper's answer (no language model in the tests'
 * configuration), which says what it is.
 */
@IntegrationTest
class BookingAssistantBrowserIT {

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @Test
    void aMotoristAsksTheDemoCentreWhichDocumentsToBring() {
        Page phone = browsers.page();
        phone.navigate("/book/ct-du-centre");
        assertThat(phone.locator("[data-what-to-bring]")).containsText("carte grise");
        phone.locator("[data-ask-assistant]").click();
        phone.waitForURL("**/book/ct-du-centre/assistant");
        assertThat(phone.locator("h1")).hasText("Une question ?");

        phone.getByLabel("Votre question").fill("Quels documents apporter ?");
        phone.locator("[data-send]").click();

        assertThat(phone.locator("[data-messages] [data-role='user']")).containsText("Quels documents apporter ?");
        assertThat(phone.locator("[data-messages] [data-role='assistant']")).containsText("assistant intégré");
        assertThat(phone.locator("[data-messages] [data-role='assistant']")).containsText(
                "carte grise (certificat d'immatriculation)");
        assertThat(phone.locator("[data-messages] [data-role='assistant']")).containsText("procès-verbal");
        browsers.screenshot("booking-assistant-phone");
        org.assertj.core.api.Assertions.assertThat(app.comptoir.support.PageChecks.accessibility(phone,
                "/book/ct-du-centre/assistant")).isEmpty();

        // A second question keeps the first in view (carried by the page, nothing stored).
        phone.getByLabel("Votre question").fill("Quels sont vos horaires ?");
        phone.getByLabel("Votre question").press("Enter");
        assertThat(phone.locator("[data-messages] [data-role='assistant']")).hasCount(2);
        assertThat(phone.locator("[data-messages] [data-role='assistant']").nth(1)).containsText("Horaires");
        Object wide = phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        org.assertj.core.api.Assertions.assertThat(wide).isEqualTo(false);
    }
}
