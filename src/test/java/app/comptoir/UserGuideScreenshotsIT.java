package app.comptoir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

import app.comptoir.support.Api;
import app.comptoir.support.Browsers;
import app.comptoir.support.IntegrationTest;

/**
 * The pictures of {@code docs/user-guide.md}: the main pages of the demo garden shop in French, on a
 * 1280×800 laptop and a 390×844 phone, as viewport-only JPEGs in {@code docs/images/}. Runs only when asked
 * ({@code ./mvnw verify -Dit.test=UserGuideScreenshotsIT -Dscreenshots=true}); commit the pictures it writes.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "screenshots", matches = "true")
class UserGuideScreenshotsIT {

    private static final Path IMAGES = Paths.get("docs", "images");

    @RegisterExtension
    static final Browsers browsers = Browsers.chromium(1280, 800);

    /** A page of the guide: its picture's name, the user who sees it, its path. */
    private record Shot(String name, String email, String path) {
    }

    private static final List<Shot> LAPTOP = List.of(
            new Shot("home", null, "/"),
            new Shot("login", null, "/login"),
            new Shot("dashboard", "admin@jardin-des-lilas.demo", "/app"),
            new Shot("products", "admin@jardin-des-lilas.demo", "/app/catalog/products"),
            new Shot("stock", "admin@jardin-des-lilas.demo", "/app/inventory/stock"),
            new Shot("orders", "admin@jardin-des-lilas.demo", "/app/sales/orders"),
            new Shot("quotes", "admin@jardin-des-lilas.demo", "/app/sales/quotes"),
            new Shot("statistics", "admin@jardin-des-lilas.demo", "/app/reporting"),
            new Shot("settings", "admin@jardin-des-lilas.demo", "/app/settings"),
            new Shot("audit", "admin@jardin-des-lilas.demo", "/app/audit"),
            new Shot("forgot-password", null, "/forgot-password"),
            new Shot("invite", "admin@jardin-des-lilas.demo", "/app/users/invite"),
            new Shot("notifications", "manager@jardin-des-lilas.demo", "/app/notifications"),
            new Shot("notification-preferences", "manager@jardin-des-lilas.demo", "/app/account/notifications"),
            new Shot("mails", "admin@jardin-des-lilas.demo", "/app/notifications/mails"),
            new Shot("webhooks", "admin@jardin-des-lilas.demo", "/app/settings/webhooks"));

    private static final List<Shot> PHONE = List.of(
            new Shot("home", null, "/"),
            new Shot("dashboard", "manager@jardin-des-lilas.demo", "/app"),
            new Shot("products", "manager@jardin-des-lilas.demo", "/app/catalog/products"),
            new Shot("orders", "manager@jardin-des-lilas.demo", "/app/sales/orders"),
            new Shot("deliveries", "driver@jardin-des-lilas.demo", "/app/sales/deliveries"),
            new Shot("notifications", "driver@jardin-des-lilas.demo", "/app/notifications"));

    @Test
    void takeTheUserGuidesPictures() throws Exception {
        Files.createDirectories(IMAGES);
        take(LAPTOP, 1280, 800, "laptop");
        take(PHONE, 390, 844, "phone");
    }

    private static void take(List<Shot> shots, int width, int height, String suffix) {
        Page page = browsers.page();
        page.context().clearCookies();
        String signedIn = null;
        for (Shot shot : shots) {
            if (shot.email() == null && signedIn != null) {
                page.context().clearCookies(); // a public page, as a visitor sees it
                signedIn = null;
            }
            if (shot.email() != null && !shot.email().equals(signedIn)) {
                page.context().clearCookies();
                page.setViewportSize(1280, 800);
                page.navigate("/login");
                page.locator("#email").fill(shot.email());
                page.locator("#password").fill(Api.DEMO_PASSWORD);
                page.locator("#login-form button[type=submit]").click();
                page.waitForURL(url -> !url.contains("/login"));
                signedIn = shot.email();
            }
            page.setViewportSize(width, height);
            page.navigate(shot.path());
            page.locator("main").waitFor();
            // Charts drawn (charts.js marks each canvas) before the picture.
            page.waitForFunction("() => Array.from(document.querySelectorAll('canvas[data-chart-id]'))"
                    + ".every(c => c.dataset.drawn === 'true')");
            page.screenshot(new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(70)
                    .setPath(IMAGES.resolve(shot.name() + "-" + suffix + ".jpg")));
        }
    }
}
