package app.comptoir.storefront.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import app.comptoir.platform.UnauthorizedException;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopperSessions;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * Who is visiting a shop: the shopper signed in on the shop's pages (the session cookie) or on the store API (the
 * {@code Authorization: Bearer shp_…} token), found once per request.
 */
@Component
class ShopVisitors {

    private static final String ATTRIBUTE = ShopVisitors.class.getName() + ".shopper";

    private final ShopperSessions sessions;

    ShopVisitors(ShopperSessions sessions) {
        this.sessions = sessions;
    }

    /** The shopper signed in on the shop's pages, if any. */
    Optional<SignedInShopper> signedIn(HttpServletRequest request, ShopBusiness shop) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof SignedInShopper s) {
            return Optional.of(s);
        }
        Optional<SignedInShopper> found = sessions.current(shop,
                ShopperCookies.read(request, ShopperCookies.SESSION), ShopperSessions.Kind.COOKIE);
        found.ifPresent(s -> request.setAttribute(ATTRIBUTE, s));
        return found;
    }

    /** Signs the shopper in on the shop's pages: a new session and its cookie. */
    void signIn(HttpServletRequest request, HttpServletResponse response, ShopBusiness shop, java.util.UUID shopperId) {
        String token = sessions.start(shop, shopperId, ShopperSessions.Kind.COOKIE);
        ShopperCookies.write(request, response, shop.slug(), ShopperCookies.SESSION, token, ShopperSessions.LIFETIME);
        request.removeAttribute(ATTRIBUTE);
    }

    /** Keeps a session opened elsewhere (a sign-in with a password) in this browser: its cookie. */
    void keep(HttpServletRequest request, HttpServletResponse response, ShopBusiness shop, String token) {
        ShopperCookies.write(request, response, shop.slug(), ShopperCookies.SESSION, token, ShopperSessions.LIFETIME);
        request.removeAttribute(ATTRIBUTE);
    }

    /** Signs the shopper out of the shop's pages: the session ends and its cookie is cleared. */
    void signOut(HttpServletRequest request, HttpServletResponse response, ShopBusiness shop) {
        sessions.end(shop, ShopperCookies.read(request, ShopperCookies.SESSION));
        ShopperCookies.clear(request, response, shop.slug(), ShopperCookies.SESSION);
        request.removeAttribute(ATTRIBUTE);
    }

    /** The shopper of the store API's bearer token, if any. */
    Optional<SignedInShopper> bearer(HttpServletRequest request, ShopBusiness shop) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return sessions.current(shop, header.substring(7).trim(), ShopperSessions.Kind.BEARER);
    }

    /** The store API's shopper, or a 401 problem {@code shopper-token} (missing, unknown or expired token). */
    SignedInShopper requireBearer(HttpServletRequest request, ShopBusiness shop) {
        return bearer(request, shop).orElseThrow(() -> new UnauthorizedException("shopper-token",
                "Sign in to the shop first: send the shopper token as 'Authorization: Bearer shp_…'"));
    }
}
