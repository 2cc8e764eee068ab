package app.comptoir.storefront.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import app.comptoir.inventory.InsufficientStockException;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PublicRequests;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.storefront.application.CheckoutRefused;
import app.comptoir.storefront.application.CheckoutThrottle;
import app.comptoir.storefront.application.Checkouts;
import app.comptoir.storefront.application.Carts;
import app.comptoir.storefront.application.PricedCart;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;
import app.comptoir.storefront.domain.Cart;

/**
 * Checkout ({@code /shop/{slug}/checkout}), for a signed-in shopper with a verified e-mail (others go to the login
 * page, coming back here after): the delivery address (their default one chosen, or one typed), an optional delivery
 * slot, the payment (on delivery by default; online only when the business takes online payments), then the order's
 * confirmation page ({@code /shop/{slug}/orders/{id}}), which is also where the payment provider sends them back.
 * The form carries a token: sent twice, it places one order. Never cached.
 */
@PageController
@RequestMapping("/shop/{slug}")
class ShopCheckoutPages {

    private final ShopBusinesses shops;
    private final ShopCarts visitorCarts;
    private final Carts carts;
    private final Checkouts checkouts;
    private final CheckoutThrottle throttle;

    ShopCheckoutPages(ShopBusinesses shops, ShopCarts visitorCarts, Carts carts, Checkouts checkouts,
                      CheckoutThrottle throttle) {
        this.shops = shops;
        this.visitorCarts = visitorCarts;
        this.carts = carts;
        this.checkouts = checkouts;
        this.throttle = throttle;
    }

    /** What the checkout form sends. {@code addressId} "new" (or empty without saved addresses): the typed one. */
    record CheckoutForm(String addressId, String label, String line1, String line2, String postalCode, String city,
                        String country, String phone, String instructions, String slot, String payment, String notes,
                        String token) {
    }

    /** A short line explained: what, how many asked, how many left. */
    record ShortLine(String label, int requested, int available) {
    }

    @GetMapping("/checkout")
    String checkout(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        Optional<String> away = away(shop, request);
        if (away.isPresent()) {
            return away.get();
        }
        SignedInShopper shopper = visitorCarts.shopper(request, shop).orElseThrow();
        Cart cart = visitorCarts.current(request, response, shop);
        if (cart.isEmpty()) {
            return "redirect:/shop/" + slug + "/cart";
        }
        List<OnlineOrders.SavedAddress> addresses = checkouts.addresses(shop, shopper);
        String addressId = addresses.isEmpty() ? "new" : addresses.getFirst().id().toString();
        model.addAttribute("form", new CheckoutForm(addressId, null, null, null, null, null, "FR", null, null, null,
                Checkouts.PaymentChoice.ON_DELIVERY.name(), null, UUID.randomUUID().toString()));
        return page(shop, shopper, cart, addresses, model);
    }

    @PostMapping("/checkout")
    String place(@PathVariable String slug, @ModelAttribute("form") CheckoutForm form, BindingResult result,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        Optional<String> away = away(shop, request);
        if (away.isPresent()) {
            return away.get();
        }
        throttle.attempt(ClientAddress.of(request));
        SignedInShopper shopper = visitorCarts.shopper(request, shop).orElseThrow();
        Cart cart = visitorCarts.current(request, response, shop);
        List<OnlineOrders.SavedAddress> addresses = checkouts.addresses(shop, shopper);
        String token = form.token() != null && form.token().matches("[0-9a-f-]{36}") ? form.token() : null;
        try {
            Checkouts.Request order = request(form, addresses);
            String returnUrl = PublicRequests.siteUrl() + "/shop/" + slug + "/orders/";
            Checkouts.Result placed = checkouts.place(shop, shopper, cart, order, token, returnUrl);
            if (placed.payment().isPresent()) {
                return "redirect:" + placed.payment().get().redirectUrl();
            }
            return "redirect:/shop/" + slug + "/orders/" + placed.order().id() + "?placed";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (InsufficientStockException e) {
            PricedCart priced = carts.price(shop, cart, null);
            List<ShortLine> shorts = new ArrayList<>();
            for (InsufficientStockException.Shortage s : e.shortages()) {
                String label = priced.lines().stream().filter(l -> l.variantId().equals(s.variantId()))
                        .map(l -> l.name() + (l.options().isEmpty() ? "" : " – " + String.join(" / ", l.options().values())))
                        .findFirst().orElse(s.sku());
                shorts.add(new ShortLine(label, s.requested(), s.available()));
            }
            model.addAttribute("shortages", shorts);
        } catch (CheckoutRefused e) {
            model.addAttribute("refused", e.type());
        }
        if (cart.isEmpty()) {
            return "redirect:/shop/" + slug + "/cart";
        }
        return page(shop, shopper, cart, addresses, model);
    }

    @GetMapping("/orders/{orderId}")
    String confirmation(@PathVariable String slug, @PathVariable String orderId, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        Optional<SignedInShopper> shopper = visitorCarts.shopper(request, shop);
        if (shopper.isEmpty()) {
            return "redirect:/shop/" + slug + "/account/login?next=/shop/" + slug + "/orders/" + orderId;
        }
        UUID id = ShopCartPages.uuid(orderId);
        Checkouts.Confirmation c = id == null ? null : checkouts.confirmation(shop, shopper.get(), id).orElse(null);
        if (c == null) {
            throw new NotFoundException("Order", orderId);
        }
        model.addAttribute("shop", shop);
        model.addAttribute("order", c.order());
        model.addAttribute("shopOrder", c.shop());
        model.addAttribute("online", c.shop() != null && "ONLINE".equals(c.shop().payment()));
        model.addAttribute("cancelledPayment", request.getParameter("cancelled") != null);
        return "storefront/confirmation";
    }

    private String page(ShopBusiness shop, SignedInShopper shopper, Cart cart,
                        List<OnlineOrders.SavedAddress> addresses, Model model) {
        String postcode = addresses.isEmpty() ? null : addresses.getFirst().address().postalCode();
        model.addAttribute("shop", shop);
        model.addAttribute("shopper", shopper);
        model.addAttribute("cart", carts.price(shop, cart, postcode));
        model.addAttribute("addresses", addresses);
        model.addAttribute("slots", checkouts.slots(shop));
        model.addAttribute("onlinePayment", checkouts.onlinePayment(shop));
        return "storefront/checkout";
    }

    /** Where a visitor who may not check out goes: to the login page (then back), or to verify their e-mail. */
    private Optional<String> away(ShopBusiness shop, HttpServletRequest request) {
        Optional<SignedInShopper> shopper = visitorCarts.shopper(request, shop);
        String next = "/shop/" + shop.slug() + "/checkout";
        if (shopper.isEmpty()) {
            return Optional.of("redirect:/shop/" + shop.slug() + "/account/login?next=" + next);
        }
        if (!shopper.get().emailVerified()) {
            return Optional.of("redirect:/shop/" + shop.slug() + "/account?verify&next=" + next);
        }
        return Optional.empty();
    }

    private static Checkouts.Request request(CheckoutForm form, List<OnlineOrders.SavedAddress> addresses) {
        UUID addressId = ShopCartPages.uuid(form.addressId());
        if (addressId != null && addresses.stream().noneMatch(a -> a.id().equals(addressId))) {
            throw InvalidInputException.field("addressId", "is not one of your addresses");
        }
        OnlineOrders.Address typed = null;
        if (addressId == null) {
            typed = new OnlineOrders.Address(blank(form.label()), blank(form.line1()), blank(form.line2()),
                    blank(form.postalCode()), blank(form.city()), blank(form.country()), blank(form.phone()),
                    blank(form.instructions()));
        }
        LocalDate day = null;
        String label = null;
        if (form.slot() != null && !form.slot().isBlank()) {
            int bar = form.slot().indexOf('|');
            try {
                day = bar < 0 ? null : LocalDate.parse(form.slot().substring(0, bar));
            } catch (DateTimeParseException e) {
                day = null;
            }
            label = bar < 0 ? null : form.slot().substring(bar + 1);
            if (day == null || label.isBlank()) {
                throw InvalidInputException.field("slot", "is not a delivery slot of this shop");
            }
        }
        Checkouts.PaymentChoice payment = "ONLINE".equals(form.payment()) ? Checkouts.PaymentChoice.ONLINE
                : Checkouts.PaymentChoice.ON_DELIVERY;
        return new Checkouts.Request(addressId, typed, day, label, payment, blank(form.notes()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String locale(Locale l) {
        return l.getLanguage();
    }
}
