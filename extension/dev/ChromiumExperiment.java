// An experiment, outside the build: loads the unpacked extension in Debian's chromium with Playwright (Java),
// against a fake Comptoir (the JDK's HTTP server on 127.0.0.1) and a fake www.vinted.fr (Playwright routes and
// cookies), and checks that the session arrives. Run from the repository root after `node extension/build.mjs`:
//
//   CP=$(echo ~/.m2/repository/com/microsoft/playwright/{playwright,driver,driver-bundle}/1.62.0/*-1.62.0.jar \
//        ~/.m2/repository/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar | tr ' ' :)
//   PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 java -cp "$CP" extension/dev/ChromiumExperiment.java target/extension/chrome
//
// What it shows is written up in docs/channels-extension.md ("Testing in a browser").

import com.microsoft.playwright.*;
import com.microsoft.playwright.options.Cookie;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

public class ChromiumExperiment {

    /** Chromium's id of an unpacked extension: SHA-256 of its absolute path, 32 hex digits written a..p. */
    static String unpackedExtensionId(Path path) throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append((char) ('a' + ((hash[i] >> 4) & 0xf))).append((char) ('a' + (hash[i] & 0xf)));
        }
        return id.toString();
    }

    public static void main(String[] args) throws Exception {
        Path extension = Path.of(args.length > 0 ? args[0] : "target/extension/chrome").toAbsolutePath();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer comptoir = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        comptoir.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + " auth=" + exchange.getRequestHeaders().getFirst("Authorization") + " origin="
                    + exchange.getRequestHeaders().getFirst("Origin") + " " + body;
            received.add(line);
            System.out.println("[comptoir] " + line);
            String answer;
            int status = 200;
            switch (exchange.getRequestURI().getPath()) {
                case "/api/v1/channels/pairings/claim" -> answer = body.contains("K7QF-92XM")
                        ? "{\"token\":\"" + "t".repeat(43) + "\",\"business\":{\"slug\":\"seconde-main\",\"name\":\"Seconde Main\"}}"
                        : "{\"status\":400,\"title\":\"Invalid code\"}";
                case "/api/v1/channels/vinted/session" -> answer = "{\"accountId\":\"a1\",\"username\":\"marie.l\",\"status\":\"CONNECTED\"}";
                case "/api/v1/channels/extension/me" -> answer = "{\"business\":{\"slug\":\"seconde-main\",\"name\":\"Seconde Main\"},"
                        + "\"accounts\":[{\"id\":\"a1\",\"username\":\"marie.l\",\"status\":\"CONNECTED\",\"lastSyncAt\":null,\"lastError\":null}]}";
                default -> { answer = "{\"status\":404}"; status = 404; }
            }
            if (answer.contains("\"status\":400")) status = 400;
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        comptoir.start();
        String comptoirUrl = "http://127.0.0.1:" + comptoir.getAddress().getPort();
        Path profile = Files.createTempDirectory("comptoir-extension-profile");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserContext context = playwright.chromium().launchPersistentContext(profile,
                    new BrowserType.LaunchPersistentContextOptions()
                            .setExecutablePath(Path.of("/usr/bin/chromium"))
                            .setHeadless(true)
                            .setLocale("fr-FR")
                            // chrome.i18n follows the browser's UI language, not this locale: Debian's chromium
                            // without chromium-l10n has only en-US, so the popup is in English here
                            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                    "--disable-extensions-except=" + extension, "--load-extension=" + extension)));
            // Java's Playwright has no serviceWorkers(): an unpacked extension's id is derived from its path.
            String id = unpackedExtensionId(extension);
            System.out.println("extension id " + id);

            // The fake Vinted: every https://www.vinted.fr request answered by the test, cookies set in the profile.
            context.route("https://www.vinted.fr/**", route -> {
                String url = route.request().url();
                System.out.println("[vinted] " + route.request().method() + " " + url);
                if (url.endsWith("/api/v2/users/current")) {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                            .setBody("{\"user\":{\"id\":123456,\"login\":\"marie.l\",\"email\":\"m@example.fr\"}}"));
                } else {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html")
                            .setBody("<!doctype html><html><head><meta name=\"csrf-token\" content=\"csrf-abc\"></head>"
                                    + "<body><h1>Vinted (fake)</h1></body></html>"));
                }
            });
            context.addCookies(List.of(
                    new Cookie("_vinted_fr_session", "session-secret").setDomain(".vinted.fr").setPath("/").setSecure(true).setHttpOnly(true),
                    new Cookie("access_token_web", "access-1").setDomain(".vinted.fr").setPath("/").setSecure(true).setHttpOnly(true),
                    new Cookie("anon_id", "anon-1").setDomain(".vinted.fr").setPath("/").setSecure(true),
                    new Cookie("_ga", "tracking").setDomain(".vinted.fr").setPath("/").setSecure(true)));

            // Not paired yet: a Vinted page is left alone (no call to /api/v2/users/current).
            Page early = context.newPage();
            early.navigate("https://www.vinted.fr/catalog");
            early.waitForTimeout(3000);
            early.close();

            // Pairing through the popup, opened as a page.
            Page popup = context.newPage();
            popup.navigate("chrome-extension://" + id + "/popup.html");
            System.out.println("popup heading: " + popup.locator("h1").textContent());
            popup.locator("#address").fill(comptoirUrl);
            popup.locator("#code").fill("k7qf92xm");
            popup.locator("#pair").click();
            try {
                popup.locator("#paired:not([hidden])").waitFor(new Locator.WaitForOptions().setTimeout(15_000));
                System.out.println("paired: " + popup.locator("#business").textContent());
            } catch (PlaywrightException e) {
                System.out.println("NOT paired: error=" + popup.locator("#error").textContent() + " notice="
                        + popup.locator("#notice").textContent());
            }

            // A Vinted page: the content script reads it, the background sends the session.
            Page vinted = context.newPage();
            vinted.navigate("https://www.vinted.fr/");
            long until = System.nanoTime() + 20_000_000_000L;
            while (received.stream().noneMatch(line -> line.startsWith("PUT")) && System.nanoTime() < until) {
                vinted.waitForTimeout(250);
            }
            System.out.println("session received: " + received.stream().anyMatch(line -> line.startsWith("PUT")));
            // "Actualiser": the popup (here a tab) asks the background, which asks the Vinted tab's content script.
            // The popup looks for the active tab of its window: the Vinted page must be the active one.
            long puts = received.stream().filter(line -> line.startsWith("PUT")).count();
            vinted.bringToFront();
            popup.evaluate("document.getElementById('refresh').click()");
            until = System.nanoTime() + 20_000_000_000L;
            while (received.stream().filter(line -> line.startsWith("PUT")).count() == puts && System.nanoTime() < until) {
                vinted.waitForTimeout(250);
            }
            System.out.println("refresh sent again: " + (received.stream().filter(line -> line.startsWith("PUT")).count() > puts)
                    + "; popup says: " + popup.locator("#notice").textContent() + " / " + popup.locator("#error").textContent());
            popup.reload();
            popup.locator("#account").waitFor();
            popup.waitForTimeout(1000);
            System.out.println("popup account: " + popup.locator("#account").textContent() + " | "
                    + popup.locator("#last-sent").textContent());
            popup.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/extension/popup.png")));
            System.out.println("storage: " + popup.evaluate("chrome.storage.local.get(null).then(JSON.stringify)"));
            context.close();
        } finally {
            comptoir.stop(0);
        }
    }
}
