package app.comptoir.storefront.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import app.comptoir.storefront.application.Carts;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.SignedInShopper;
import app.comptoir.storefront.domain.Cart;

/**
 * The cart of the visitor of a shop's pages: the signed cookie {@value #COOKIE} for an anonymous visitor, the stored
 * cart for a signed-in shopper. At a signed-in shopper's first request that still carries an anonymous cart, the
 * cart is merged into theirs and the cookie cleared (so it is merged once).
 */
@Component
class ShopCarts {

    /** The anonymous cart's cookie. */
    static final String COOKIE = "comptoir_cart";
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Carts carts;
    private final ShopVisitors visitors;

    ShopCarts(Carts carts, ShopVisitors visitors) {
        this.carts = carts;
        this.visitors = visitors;
    }

    /** The visitor's cart (merging an anonymous cart into a signed-in shopper's first). */
    Cart current(HttpServletRequest request, HttpServletResponse response, ShopBusiness shop) {
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        String cookie = ShopperCookies.read(request, COOKIE);
        if (shopper.isEmpty()) {
            return carts.fromCookie(shop, cookie);
        }
        if (cookie != null && !cookie.isEmpty()) {
            Cart merged = carts.merge(shop, shopper.get(), carts.fromCookie(shop, cookie));
            ShopperCookies.clear(request, response, shop.slug(), COOKIE);
            return merged;
        }
        return carts.ofShopper(shop, shopper.get());
    }

    /** Keeps the visitor's cart: in the cookie, or stored for a signed-in shopper. */
    void keep(HttpServletRequest request, HttpServletResponse response, ShopBusiness shop, Cart cart) {
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isPresent()) {
            carts.store(shop, shopper.get(), cart);
        } else if (cart.isEmpty()) {
            ShopperCookies.clear(request, response, shop.slug(), COOKIE);
        } else {
            ShopperCookies.write(request, response, shop.slug(), COOKIE, carts.toCookie(shop, cart), LIFETIME);
        }
    }

    Optional<SignedInShopper> shopper(HttpServletRequest request, ShopBusiness shop) {
        return visitors.signedIn(request, shop);
    }

    /** Nothing about a visitor's cart is cached anywhere. */
    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "private, no-store");
    }
}
