package app.comptoir.storefront;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.microsoft.playwright.Locator;
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
 * A new customer's whole first order, in one go on their phone (390 × 844, French), as the issue tells it: browse the
 * shop, search with a typo ("rozier"), choose a size of the rose bush and put it in the cart without an account,
 * create an account, open the verification link of the e-mail a real SMTP server (GreenMail) received, add a delivery
 * address, find the cart kept, order paying on delivery, see the order in the history with its timeline; the shop's
 * staff find it in the back office marked "Boutique en ligne", with the chosen variant's stock reserved.
 */
@MailIntegrationTest
class ShopDayBrowserIT {

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
    void aNewCustomerBrowsesSearchesWithATypoRegistersVerifiesOrdersAndFollowsTheOrder() {
        Shops shop = Shops.open(port, "Jardin de Camille");
        Map<String, Object> rose = Map.of("name", "Rosier grimpant", "vatRate", 20, "status", "ACTIVE",
                "options", List.of(Map.of("name", "Taille", "values", List.of("Pot 2 L", "Pot 5 L"))),
                "variants", List.of(
                        Map.of("sku", "ROS-2L", "price", new BigDecimal("12.90"), "options", Map.of("Taille", "Pot 2 L")),
                        Map.of("sku", "ROS-5L", "price", new BigDecimal("24.90"), "options", Map.of("Taille", "Pot 5 L"))));
        List<String> variants = Api.as(port, shop.admin).body(rose).post("/api/v1/products").then().statusCode(201)
                .extract().path("variants.id");
        String big = variants.get(1);
        for (String variant : variants) {
            Api.as(port, shop.admin).body(Map.of("variantId", variant, "type", "RECEIPT",
                    "quantity", variant.equals(big) ? 3 : 20)).post("/api/v1/stocks/movements").then().statusCode(201);
        }
        shop.product("Terreau universel 40 L", "TER-40", "9.90");
        String email = Api.uniqueEmail("camille").toLowerCase();
        String home = "/shop/" + shop.slug();
        Page phone = browsers.page();

        // Browsing, then a search with a typo.
        phone.navigate(home);
        assertThat(phone.locator("[data-shop-name]")).containsText("Jardin de Camille");
        assertThat(phone.locator("[data-newest] [data-product]")).hasCount(2);
        phone.getByLabel("Rechercher un produit").fill("rozier");
        phone.getByLabel("Rechercher un produit").press("Enter");
        assertThat(phone.locator("[data-list-title]")).containsText("rozier");
        Locator found = phone.locator("[data-products] [data-product]");
        assertThat(found).hasCount(1);
        assertThat(found).containsText("Rosier grimpant");
        found.locator("a").first().click();

        // The larger pot: its SKU, price and availability, then into the cart without an account.
        assertThat(phone.locator("[data-product-name]")).hasText("Rosier grimpant");
        phone.locator("select[data-option='Taille']").selectOption("Pot 5 L");
        assertThat(phone.locator("[data-variant-sku]")).hasText("ROS-5L");
        assertThat(phone.locator("[data-variant-price]")).containsText("24,90");
        assertThat(phone.locator("[data-buy-box] [data-availability]")).hasText(Pattern.compile("Plus que 3.*"));
        phone.getByLabel("Quantité", EXACT).fill("2");
        phone.locator("[data-add-to-cart]").click();
        phone.waitForURL(Pattern.compile(".*/cart\\?notice=added$"));
        assertThat(phone.locator("[data-cart-line]")).hasCount(1);
        assertThat(phone.locator("[data-cart-line][data-variant='" + big + "'] [data-line-quantity]")).hasValue("2");
        assertThat(phone.locator("[data-total]")).containsText("49,80");

        // Ordering asks to sign in; the customer creates an account instead, and stays signed in.
        phone.locator("[data-go-checkout]").click();
        phone.waitForURL(Pattern.compile(".*/account/login\\?next=.*"));
        phone.locator("[data-register-link]").click();
        phone.getByLabel("Nom", EXACT).fill("Camille Perrin");
        phone.getByLabel("Adresse e-mail", EXACT).fill(email);
        phone.getByLabel("Mot de passe", EXACT).fill("un-jardin-fleuri-2026");
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer mon compte")).click();
        assertThat(phone.locator("[data-shop-visitor-loaded] [data-shopper-name]")).containsText("Camille");

        // The e-mail, as the SMTP server received it, and its link opened on the phone.
        MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> MailTesting.mailsTo(email), list -> !list.isEmpty()).getFirst();
        Matcher link = VERIFY_LINK.matcher(MailTesting.part(mail, "text/plain"));
        org.assertj.core.api.Assertions.assertThat(link.find()).as("verification link").isTrue();
        phone.navigate(link.group(1));
        assertThat(phone.locator("[data-email-verified]")).isVisible();

        // A delivery address in the account.
        phone.navigate(home + "/account");
        phone.locator("[data-tab-addresses]").click();
        assertThat(phone.locator("[data-no-address]")).isVisible();
        phone.locator("[data-add-address]").click();
        phone.getByLabel("Adresse", EXACT).fill("27 avenue des Frères-Lumière");
        phone.getByLabel("Code postal", EXACT).fill("69008");
        phone.getByLabel("Ville", EXACT).fill("Lyon");
        phone.locator("[data-save-address]").click();
        assertThat(phone.locator("[data-address-added]")).isVisible();

        // The cart put together before the account is still there; the order, paid on delivery.
        phone.locator("[data-shop-cart]").click();
        assertThat(phone.locator("[data-cart-line][data-variant='" + big + "'] [data-line-quantity]")).hasValue("2");
        phone.locator("[data-go-checkout]").click();
        phone.waitForURL(Pattern.compile(".*/checkout$"));
        assertThat(phone.locator("[data-saved-address]")).isChecked();
        assertThat(phone.locator("[data-pay-on-delivery]")).isChecked();
        phone.locator("[data-place-order]").click();
        phone.waitForURL(Pattern.compile(".*/orders/.*placed$"));
        assertThat(phone.locator("[data-confirmation]")).containsText("Merci, votre commande est confirmée");
        String number = phone.locator("[data-confirmation]").getAttribute("data-order-number");
        assertThat(phone.locator("[data-shop-visitor-loaded] [data-shopper-name]")).isVisible();
        assertThat(phone.locator("[data-shop-visitor-loaded] [data-cart-count]")).hasCount(0);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> MailTesting.mailsTo(email).stream().anyMatch(m -> subject(m).contains(number)));

        // The order in the history, with its timeline.
        phone.navigate(home + "/account");
        phone.locator("[data-tab-orders]").click();
        assertThat(phone.locator("[data-order]")).hasCount(1);
        assertThat(phone.locator("[data-order]")).containsText(number);
        assertThat(phone.locator("[data-order] [data-status]")).hasText("Confirmée");
        phone.locator("[data-order] a").click();
        assertThat(phone.locator("h1[data-order-number]")).hasText(number);
        assertThat(phone.locator("[data-timeline] [data-step]")).not().hasCount(0);
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")).isTrue();
        browsers.screenshot("shop-day-order-phone");

        // The office: the order from the shop, and the two large pots reserved (one left to sell).
        Page office = browsers.anotherPage();
        office.navigate("/login");
        office.locator("#email").fill(shop.admin.email());
        office.locator("#password").fill(shop.admin.password());
        office.locator("#login-form button[type=submit]").click();
        office.waitForURL(Pattern.compile(".*/app(/.*)?$"));
        office.navigate("/app/sales/orders?source=ONLINE_SHOP");
        assertThat(office.locator("[data-order='" + number + "'] [data-online-order]")).hasText("Boutique en ligne");
        int available = Api.as(port, shop.admin).get("/api/v1/stocks/" + big).then().statusCode(200).extract()
                .path("available");
        org.assertj.core.api.Assertions.assertThat(available).isEqualTo(1);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
