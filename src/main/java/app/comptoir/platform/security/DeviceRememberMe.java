package app.comptoir.platform.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.DeviceLabels;
import app.comptoir.platform.RememberedDevices;
import app.comptoir.platform.Role;

/**
 * "Remember me" for the web sign-in, per device and revocable: when the box is ticked at sign-in, the
 * browser gets a long-lived cookie naming a device that identity keeps ({@link RememberedDevices}); a
 * browser without a session is signed back in from it (a new session, with the account as it is now),
 * and signing out forgets the device. The user sees and revokes their devices on the account page.
 */
final class DeviceRememberMe implements RememberMeServices, LogoutHandler {

    static final String COOKIE = RememberedDevices.COOKIE;
    static final String PARAMETER = "remember-me";
    private static final Set<String> TICKED = Set.of("on", "true", "yes", "1");

    private final RememberedDevices devices;
    private final String key;
    private final Duration lifetime;

    DeviceRememberMe(RememberedDevices devices, String key, Duration lifetime) {
        this.devices = devices;
        this.key = key;
        this.lifetime = lifetime;
    }

    String key() {
        return key;
    }

    @Override
    public Authentication autoLogin(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> value = cookie(request);
        if (value.isEmpty()) {
            return null;
        }
        Optional<ComptoirPrincipal> principal = devices.recall(value.get());
        if (principal.isEmpty()) {
            clear(request, response);
            return null;
        }
        ComptoirPrincipal p = principal.get();
        return new RememberMeAuthenticationToken(key, p, p.roles().stream().map(Role::authority)
                .map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public void loginFail(HttpServletRequest request, HttpServletResponse response) {
        clear(request, response);
    }

    @Override
    public void loginSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        String ticked = request.getParameter(PARAMETER);
        if (ticked == null || !TICKED.contains(ticked.toLowerCase(java.util.Locale.ROOT))
                || !(authentication.getPrincipal() instanceof ComptoirPrincipal principal)) {
            return;
        }
        String value = devices.remember(principal, DeviceLabels.of(request.getHeader("User-Agent")));
        write(request, response, value, lifetime);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        cookie(request).ifPresent(devices::forget);
        clear(request, response);
    }

    private static Optional<String> cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    private static void clear(HttpServletRequest request, HttpServletResponse response) {
        if (cookie(request).isPresent()) {
            write(request, response, "", Duration.ZERO);
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value).path(path).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build().toString());
    }
}
