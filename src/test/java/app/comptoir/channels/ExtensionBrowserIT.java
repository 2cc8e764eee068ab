package app.comptoir.channels;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The browser extension ({@code extension/}, built with {@code node extension/build.mjs --for-tests}) loaded unpacked
 * in Debian's chromium, against this server and a fake www.vinted.fr (Playwright's routes answer the site's page and
 * its {@code /api/v2/users/current}; its cookies are put in the profile): pairing with the code Comptoir shows, then
 * the session read on a Vinted page arrives in Comptoir as the business's Vinted account, sealed.
 */
@IntegrationTest
class ExtensionBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theExtensionPairsWithACodeAndHandsTheVintedSessionToComptoir() throws Exception {
        Path extension = build();
        Account admin = Api.newBusiness(port, "Friperie des Pentes");
        String code = Api.as(port, admin).post("/api/v1/channels/pairings").then().statusCode(201).extract().path("code");

        Path profile = Files.createTempDirectory("comptoir-extension-profile");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             BrowserContext context = playwright.chromium().launchPersistentContext(profile,
                     new BrowserType.LaunchPersistentContextOptions()
                             .setExecutablePath(Path.of("/usr/bin/chromium"))
                             .setHeadless(true)
                             .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                     "--disable-extensions-except=" + extension, "--load-extension=" + extension)))) {
            context.setDefaultTimeout(30_000);
            context.route("https://www.vinted.fr/**", route -> {
                if (route.request().url().endsWith("/api/v2/users/current")) {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                            .setBody("{\"user\":{\"id\":4815162342,\"login\":\"friperie.pentes\"}}"));
                } else {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html")
                            .setBody("<!doctype html><html><head><meta name=\"csrf-token\" content=\"csrf-7f3a\">"
                                    + "</head><body><h1>Vinted</h1></body></html>"));
                }
            });
            context.addCookies(List.of(
                    cookie("_vinted_fr_session", "SESSION-cookie-text-4f9e2b"),
                    cookie("access_token_web", "ACCESS-token-text-77c1"),
                    cookie("anon_id", "anon-5b1d")));

            // Pairing in the popup (opened as a page) with the code Comptoir gave, typed in lower case without dash.
            Page popup = context.newPage();
            popup.navigate("chrome-extension://" + unpackedExtensionId(extension) + "/popup.html");
            popup.locator("#address").fill("http://localhost:" + port);
            popup.locator("#code").fill(code.replace("-", "").toLowerCase(java.util.Locale.ROOT));
            popup.locator("#pair").click();
            assertThat(popup.locator("#business")).containsText("Friperie des Pentes",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));

            // A Vinted page: the extension reads the session there and sends it.
            Page vinted = context.newPage();
            vinted.navigate("https://www.vinted.fr/");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Map<String, Object>> accounts = List.of();
            while (accounts.isEmpty() && System.nanoTime() < until) {
                vinted.waitForTimeout(250);
                accounts = Api.as(port, admin).get("/api/v1/channels/accounts").then().statusCode(200).extract()
                        .jsonPath().getList("$");
            }
            assertThat(accounts).hasSize(1);
            assertThat(accounts.getFirst()).containsEntry("username", "friperie.pentes").containsEntry("status", "CONNECTED");
            String json = Api.as(port, admin).get("/api/v1/channels/accounts").then().extract().asString();
            assertThat(json).doesNotContain("SESSION-cookie-text").doesNotContain("csrf-7f3a");

            // The popup now says who is connected.
            popup.reload();
            assertThat(popup.locator("#account")).containsText("friperie.pentes",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        }
    }

    private static Cookie cookie(String name, String value) {
        return new Cookie(name, value).setDomain(".vinted.fr").setPath("/").setSecure(true).setHttpOnly(true);
    }

    /** Builds the extension's test variant (the local Comptoir granted at install: headless has no prompt). */
    private static Path build() throws Exception {
        Path out = Path.of("target", "extension-it").toAbsolutePath();
        Process node = new ProcessBuilder("node", "extension/build.mjs", "--for-tests", out.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "extension-it.log").toFile()).start();
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).withFailMessage(() -> readLog()).isZero();
        return out.resolve("chrome-test");
    }

    private static String readLog() {
        try {
            return Files.readString(Path.of("target", "extension-it.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** Chromium's id of an unpacked extension: the SHA-256 of its absolute path, 32 hex digits written a..p. */
    private static String unpackedExtensionId(Path path) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append((char) ('a' + ((hash[i] >> 4) & 0xf))).append((char) ('a' + (hash[i] & 0xf)));
        }
        return id.toString();
    }
}
