package app.comptoir.storefront.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import app.comptoir.platform.PageController;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.storefront.application.Carts;
import app.comptoir.storefront.application.Checkouts;
import app.comptoir.storefront.application.PricedCart;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;
import app.comptoir.storefront.domain.Cart;

/**
 * The shop's cart page ({@code /shop/{slug}/cart}): its lines with their options, unit price (as the business shows
 * prices, VAT included or not), quantity to change, removal, availability explained on the line, subtotal, delivery
 * fee and total; the product page's form adds to it ({@code POST /cart/lines}); a past order goes back into it
 * ({@code POST /cart/reorder/{orderId}}); {@code GET /cart/count} is the header's count. Never cached.
 */
@PageController
@RequestMapping("/shop/{slug}/cart")
class ShopCartPages {

    private final ShopBusinesses shops;
    private final ShopCarts visitorCarts;
    private final Carts carts;
    private final Checkouts checkouts;
    private final OnlineOrders orders;

    ShopCartPages(ShopBusinesses shops, ShopCarts visitorCarts, Carts carts, Checkouts checkouts, OnlineOrders orders) {
        this.shops = shops;
        this.visitorCarts = visitorCarts;
        this.carts = carts;
        this.checkouts = checkouts;
        this.orders = orders;
    }

    @GetMapping
    String cart(@PathVariable String slug, @RequestParam(required = false) String notice, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        Cart cart = visitorCarts.current(request, response, shop);
        Optional<SignedInShopper> shopper = visitorCarts.shopper(request, shop);
        String postcode = shopper.flatMap(s -> checkouts.addresses(shop, s).stream().findFirst())
                .map(a -> a.address().postalCode()).orElse(null);
        model.addAttribute("shop", shop);
        model.addAttribute("cart", carts.price(shop, cart, postcode));
        model.addAttribute("signedIn", shopper.isPresent());
        model.addAttribute("notice", notice != null && notice.matches("[a-zA-Z]{1,20}") ? notice : null);
        return "storefront/cart";
    }

    @PostMapping("/lines")
    String add(@PathVariable String slug, @RequestParam(required = false) String variantId,
               @RequestParam(required = false) String quantity, HttpServletRequest request,
               HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        UUID variant = uuid(variantId);
        int n = quantity(quantity, 1);
        if (variant == null || n < 1 || carts.sellable(shop, variant).isEmpty()) {
            return "redirect:/shop/" + slug + "/cart?notice=notSold";
        }
        Cart cart = visitorCarts.current(request, response, shop);
        try {
            visitorCarts.keep(request, response, shop, cart.add(variant, Math.min(n, Cart.MAX_QUANTITY)));
        } catch (Cart.CartFull e) {
            return "redirect:/shop/" + slug + "/cart?notice=full";
        }
        return "redirect:/shop/" + slug + "/cart?notice=added";
    }

    @PostMapping("/lines/{variantId}")
    String change(@PathVariable String slug, @PathVariable String variantId,
                  @RequestParam(required = false) String quantity, HttpServletRequest request,
                  HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        UUID variant = uuid(variantId);
        int n = quantity(quantity, -1);
        if (variant == null || n < 0) {
            return "redirect:/shop/" + slug + "/cart?notice=badQuantity";
        }
        Cart cart = visitorCarts.current(request, response, shop);
        if (cart.quantityOf(variant) > 0) {
            visitorCarts.keep(request, response, shop, cart.set(variant, Math.min(n, Cart.MAX_QUANTITY)));
        }
        return "redirect:/shop/" + slug + "/cart" + (n == 0 ? "?notice=removed" : "");
    }

    @PostMapping("/lines/{variantId}/remove")
    String remove(@PathVariable String slug, @PathVariable String variantId, HttpServletRequest request,
                  HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        UUID variant = uuid(variantId);
        Cart cart = visitorCarts.current(request, response, shop);
        if (variant != null) {
            visitorCarts.keep(request, response, shop, cart.remove(variant));
        }
        return "redirect:/shop/" + slug + "/cart?notice=removed";
    }

    @PostMapping("/reorder/{orderId}")
    String reorder(@PathVariable String slug, @PathVariable String orderId, HttpServletRequest request,
                   HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        Optional<SignedInShopper> shopper = visitorCarts.shopper(request, shop);
        if (shopper.isEmpty()) {
            return "redirect:/shop/" + slug + "/account/login?next=/shop/" + slug + "/cart";
        }
        UUID id = uuid(orderId);
        Optional<OnlineOrders.Placed> order = id == null ? Optional.empty()
                : shops.as(shop, () -> orders.ofCustomer(shopper.get().customerId(), id));
        if (order.isEmpty()) {
            return "redirect:/shop/" + slug + "/cart?notice=notYours";
        }
        Cart cart = visitorCarts.current(request, response, shop);
        int skipped = 0;
        for (OnlineOrders.PricedLine l : order.get().priced().lines()) {
            if (l.variantId() == null || carts.sellable(shop, l.variantId()).isEmpty()) {
                skipped++;
                continue;
            }
            try {
                cart = cart.add(l.variantId(), Math.min(l.quantity(), Cart.MAX_QUANTITY));
            } catch (Cart.CartFull e) {
                skipped++;
            }
        }
        visitorCarts.keep(request, response, shop, cart);
        return "redirect:/shop/" + slug + "/cart?notice=" + (skipped == 0 ? "reordered" : "reorderedPartly");
    }

    /** The header's count of items in the cart (a fragment, never cached). */
    @GetMapping(value = "/count", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> count(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response,
                                 Locale locale) {
        ShopBusiness shop = shops.open(slug);
        int items = visitorCarts.current(request, response, shop).itemCount();
        return ResponseEntity.ok().header("Cache-Control", "private, no-store")
                .body("<span class=\"badge text-bg-light\" data-cart-count>" + HtmlUtils.htmlEscape(
                        Integer.toString(items)) + "</span>");
    }

    static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static int quantity(String text, int missing) {
        if (text == null || text.isBlank()) {
            return missing;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> noticeKeys() {
        return List.of("added", "full", "notSold", "removed", "badQuantity", "reordered", "reorderedPartly", "notYours");
    }
}
