package app.comptoir.storefront.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;

/**
 * The shop's cookies, scoped to one shop's pages ({@code Path=/shop/{slug}}), {@code HttpOnly}, {@code SameSite=Lax}
 * (another site's form does not carry them) and {@code Secure} when the shop is reached over HTTPS: the shopper's
 * session ({@value #SESSION}) and, for others to use, any other named value.
 */
final class ShopperCookies {

    /** The signed-in shopper's session token. */
    static final String SESSION = "comptoir_shopper";

    private ShopperCookies() {
    }

    static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    static void write(HttpServletRequest request, HttpServletResponse response, String slug, String name, String value,
                      Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value)
                .path("/shop/" + slug)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(maxAge)
                .build().toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, String slug, String name) {
        write(request, response, slug, name, "", Duration.ZERO);
    }
}
