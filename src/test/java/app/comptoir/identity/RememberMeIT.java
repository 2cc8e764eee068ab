package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;
import app.comptoir.support.WebSession.Page;

/**
 * "Remember me" per device: a browser that ticked the box at sign-in comes back without its session
 * (closed, expired) and is signed in from its device cookie alone, until the device is revoked from the
 * account page, the user signs out on it, or signs out everywhere.
 */
@IntegrationTest
class RememberMeIT {

    private static final Pattern DEVICE_COOKIE = Pattern.compile("comptoir-device=([^;]*)");
    private static final Pattern DEVICE_ID = Pattern.compile("data-device=\"([0-9a-f-]{36})\"");

    @LocalServerPort
    int port;

    @Test
    void aRememberedDeviceSurvivesANewBrowserSessionUntilItIsRevoked() {
        Account admin = Api.newBusiness(port, "Souvenir");
        WebSession phone = new WebSession(port);
        String device = signInRemembering(phone, admin);

        // A new browser session: the session cookie is gone, the device cookie is all it sends.
        Page back = new WebSession(port).get("/app", "Cookie", "comptoir-device=" + device);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("data-navigation");

        // Not ticking the box remembers nothing.
        WebSession shared = new WebSession(port);
        shared.get("/login");
        Page plain = shared.post("/login", Map.of("email", admin.email(), "password", admin.password()));
        assertThat(deviceCookie(plain)).isEmpty();

        // The account page lists the device, marked as this one; revoking it ends the remembered sign-in.
        Page account = phone.get("/app/account/password");
        assertThat(account.body()).contains("data-current-device", "Chrome · Linux");
        Matcher id = DEVICE_ID.matcher(account.body());
        assertThat(id.find()).isTrue();
        Page revoked = phone.post("/app/account/devices/" + id.group(1) + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(phone.get("/app/account/password").body()).contains("data-devices-empty");

        Page refused = new WebSession(port).get("/app", "Cookie", "comptoir-device=" + device);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(deviceCookie(refused)).contains("");
    }

    @Test
    void signingOutOnTheDeviceOrEverywhereForgetsIt() {
        Account admin = Api.newBusiness(port, "Oubli");
        WebSession phone = new WebSession(port);
        String device = signInRemembering(phone, admin);
        phone.post("/logout", Map.of());
        assertThat(new WebSession(port).get("/app", "Cookie", "comptoir-device=" + device).status()).isEqualTo(302);

        WebSession laptop = new WebSession(port);
        String other = signInRemembering(laptop, admin);
        WebSession elsewhere = new WebSession(port);
        elsewhere.signIn(admin.email(), admin.password());
        elsewhere.get("/app");
        elsewhere.post("/app/account/logout-all", Map.of());
        assertThat(new WebSession(port).get("/app", "Cookie", "comptoir-device=" + other).status()).isEqualTo(302);
        // Someone else's or a made-up cookie signs nobody in either.
        assertThat(new WebSession(port).get("/app", "Cookie", "comptoir-device=" + admin.tenantId() + ".x.y").status())
                .isEqualTo(302);
    }

    private String signInRemembering(WebSession browser, Account account) {
        browser.get("/login");
        Page signedIn = browser.post("/login", Map.of("email", account.email(), "password", account.password(),
                "remember-me", "on"), "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
        assertThat(signedIn.status()).isEqualTo(302);
        String setCookie = signedIn.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith("comptoir-device=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Max-Age=2592000");
        browser.get("/app");
        return deviceCookie(signedIn).orElseThrow();
    }

    private static Optional<String> deviceCookie(Page page) {
        List<String> cookies = page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).toList();
        for (String c : cookies) {
            Matcher m = DEVICE_COOKIE.matcher(c);
            if (m.lookingAt()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
