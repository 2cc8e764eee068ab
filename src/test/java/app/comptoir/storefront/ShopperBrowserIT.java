package app.comptoir.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.notifications.MailIntegrationTest;
import app.comptoir.notifications.MailTesting;
import app.comptoir.support.Api;
import app.comptoir.support.Browsers;

/**
 * A customer on their phone (390 × 844, French) creates an account at a garden shop, opens the verification link of
 * the e-mail a real SMTP server (GreenMail) received, adds their delivery address, and finds the order the shop
 * took for them in their history, with its timeline.
 */
@MailIntegrationTest
class ShopperBrowserIT {

    private static final Pattern VERIFY_LINK = Pattern.compile(
            Pattern.quote(MailTesting.PUBLIC_URL) + "(/shop/[a-z0-9-]+/account/verify\\?token=[A-Za-z0-9_\\-]+)");
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(390, 844);

    @LocalServerPort
    int port;

    @BeforeEach
    void smtpIsUp() {
        MailTesting.startSmtp();
    }

    @AfterAll
    static void smtpStops() {
        MailTesting.stopSmtp();
    }

    @Test
    void aCustomerRegistersOnTheirPhoneVerifiesTheEmailAddsAnAddressAndSeesTheirOrders() {
        Shops shop = Shops.open(port, "Jardin du Téléphone");
        String email = Api.uniqueEmail("camille");
        Page phone = browsers.page();

        phone.navigate("/shop/" + shop.slug() + "/account/register");
        phone.getByLabel("Nom", EXACT).fill("Camille Perrin");
        phone.getByLabel("Adresse e-mail", EXACT).fill(email);
        phone.getByLabel("Mot de passe", EXACT).fill("court");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(phone.locator("#password-error")).containsText("Au moins 10 caractères");
        phone.getByLabel("Mot de passe", EXACT).fill("un-jardin-fleuri-2026");
        browsers.screenshot("shopper-register-phone");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(phone.locator("[data-registered]")).isVisible();
        assertThat(phone.locator("[data-verify-email]")).containsText(email.toLowerCase());

        // The e-mail, as the SMTP server received it, and its link opened on the phone.
        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> MailTesting.mailsTo(email.toLowerCase()), list -> !list.isEmpty()).getFirst();
        String text = MailTesting.part(mail, "text/plain");
        org.assertj.core.api.Assertions.assertThat(text).contains("Jardin du Téléphone");
        Matcher link = VERIFY_LINK.matcher(text);
        org.assertj.core.api.Assertions.assertThat(link.find()).as("verification link in " + text).isTrue();
        phone.navigate(link.group(1));
        assertThat(phone.locator("[data-email-verified]")).isVisible();
        phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mon compte").setExact(true)).last().click();
        assertThat(phone.locator("[data-verify-email]")).hasCount(0);

        // A delivery address.
        phone.locator("[data-tab-addresses]").click();
        assertThat(phone.locator("[data-no-address]")).isVisible();
        phone.locator("[data-add-address]").click();
        phone.getByLabel("Adresse", EXACT).fill("27 avenue des Frères-Lumière");
        phone.getByLabel("Code postal", EXACT).fill("69008");
        phone.getByLabel("Ville", EXACT).fill("Lyon");
        phone.locator("[data-save-address]").click();
        assertThat(phone.locator("[data-address-added]")).isVisible();
        assertThat(phone.locator("[data-address]")).containsText("27 avenue des Frères-Lumière");
        assertThat(phone.locator("[data-address] [data-default-delivery]")).isVisible();
        browsers.screenshot("shopper-addresses-phone");

        // The shop takes an order for them; it is in their history, with its timeline.
        String[] order = shop.order(shop.customerOf(email.toLowerCase()),
                shop.product("Rosier grimpant", "ROS-GRIMP", "18.50"), 2, false);
        phone.locator("[data-tab-orders]").click();
        assertThat(phone.locator("[data-order]")).hasCount(1);
        assertThat(phone.locator("[data-order]")).containsText(order[1]);
        assertThat(phone.locator("[data-order] [data-status]")).hasText("Confirmée");
        phone.locator("[data-order] a").click();
        assertThat(phone.locator("h1[data-order-number]")).hasText(order[1]);
        assertThat(phone.locator("[data-timeline] [data-step]")).not().hasCount(0);
        assertThat(phone.locator("[data-reorder] button")).hasText("Commander à nouveau");
        Object sideways = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1");
        org.assertj.core.api.Assertions.assertThat(sideways).isEqualTo(false);
        browsers.screenshot("shopper-order-phone");
    }
}
