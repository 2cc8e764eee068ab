package app.comptoir.storefront.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PublicRequests;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.storefront.application.CheckoutThrottle;
import app.comptoir.storefront.application.Checkouts;
import app.comptoir.storefront.application.Carts;
import app.comptoir.storefront.application.PricedCart;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;
import app.comptoir.storefront.domain.Cart;
import app.comptoir.storefront.domain.DeliveryRules;

/**
 * The store API's cart and checkout ({@code /api/v1/store/{slug}}): price and check a list of lines (the client keeps
 * the cart), the delivery slots, and checkout with the shopper's bearer token and an {@code Idempotency-Key}. The
 * same rules and errors as the shop's pages: 409 {@code insufficient-stock} lists each short line (variantId, sku,
 * requested, available), nothing ordered.
 */
@RestController
@RequestMapping("/api/v1/store/{slug}")
class StoreCheckoutController {

    private final ShopBusinesses shops;
    private final Carts carts;
    private final Checkouts checkouts;
    private final ShopVisitors visitors;
    private final IdempotencyKeys idempotencyKeys;
    private final CheckoutThrottle throttle;

    StoreCheckoutController(ShopBusinesses shops, Carts carts, Checkouts checkouts, ShopVisitors visitors,
                            IdempotencyKeys idempotencyKeys, CheckoutThrottle throttle) {
        this.shops = shops;
        this.carts = carts;
        this.checkouts = checkouts;
        this.visitors = visitors;
        this.idempotencyKeys = idempotencyKeys;
        this.throttle = throttle;
    }

    /** A line of a cart: a variant and how many (1 to 999). */
    record LineBody(UUID variantId, Integer quantity) {
    }

    /** A cart to price: its lines and, for the delivery fee, the postcode (optional). */
    record CartBody(List<LineBody> lines, String postalCode) {
    }

    /** A delivery slot: its day and label, as {@code GET /delivery-slots} lists them. */
    record SlotBody(LocalDate day, String label) {
    }

    /** A checkout: the lines, one of the shopper's addresses or one given in full, a slot, the payment, a note. */
    record CheckoutBody(List<LineBody> lines, UUID addressId, OnlineOrders.Address address, SlotBody slot,
                        Checkouts.PaymentChoice payment, String notes) {
    }

    /** The order placed; {@code paymentUrl}: the provider's page for an online payment. */
    record OrderBody(OnlineOrders.Placed order, String paymentUrl) {
    }

    @PostMapping("/cart")
    @Operation(summary = "Price and check a cart",
            description = "{lines: [{variantId, quantity}], postalCode?} → each line with its unit price and amount (in "
                    + "the business's price mode), its availability (OK, SHORT, OUT_OF_STOCK, NOT_SOLD) and what is "
                    + "available, the subtotal, the delivery fee for the postcode, the totals. At most 50 lines; 400 "
                    + "names a broken line.")
    PricedCart cart(@PathVariable String slug, @RequestBody(required = false) CartBody body,
                    HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        CartBody b = body == null ? new CartBody(List.of(), null) : body;
        return carts.price(shop, cart(b.lines()), b.postalCode());
    }

    @GetMapping("/delivery-slots")
    @Operation(summary = "The delivery slots offered from tomorrow, with what each can still take",
            description = "Empty when the shop offers no slots.")
    List<DeliveryRules.OfferedSlot> slots(@PathVariable String slug, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        return checkouts.slots(shop);
    }

    @PostMapping("/checkout")
    @Operation(summary = "Place the order (the signed-in shopper's bearer token)",
            description = "{lines, addressId? (one of the shopper's), address? (in full), slot? {day, label}, payment? "
                    + "(ON_DELIVERY, default, or ONLINE when the shop takes it), notes?} → 201 with the order, "
                    + "CONFIRMED with its stock reserved, and for ONLINE its paymentUrl. 401 shopper-token without a "
                    + "token; 403 email-not-verified; 409 insufficient-stock listing each short line (nothing is "
                    + "ordered), slot-full, empty-cart; 429 too many checkouts from the address. With an "
                    + "Idempotency-Key a retry answers the first order (200, Idempotent-Replayed: true).")
    ResponseEntity<OrderBody> checkout(@PathVariable String slug, @RequestBody(required = false) CheckoutBody body,
                                       @Parameter(description = "Makes retries safe: at most 100 characters")
                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                       HttpServletRequest http, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        SignedInShopper shopper = visitors.requireBearer(http, shop);
        throttle.attempt(ClientAddress.of(http));
        Optional<String> idempotencyKey = idempotencyKeys.key(key);
        CheckoutBody b = body == null ? new CheckoutBody(null, null, null, null, null, null) : body;
        Cart cart = cart(b.lines());
        Checkouts.Result result = checkouts.place(shop, shopper, cart, new Checkouts.Request(b.addressId(),
                        b.address(), b.slot() == null ? null : b.slot().day(), b.slot() == null ? null : b.slot().label(),
                        b.payment(), b.notes()), idempotencyKey.orElse(null),
                PublicRequests.siteUrl() + "/shop/" + slug + "/orders/");
        OrderBody answer = new OrderBody(result.order(), result.payment().map(p -> p.redirectUrl()).orElse(null));
        return IdempotencyKeys.answer(answer, !result.order().isNew(),
                URI.create("/shop/" + slug + "/orders/" + result.order().id()));
    }

    /** The cart of the API's lines: each checked (400 naming it), at most 50. */
    private static Cart cart(List<LineBody> lines) {
        if (lines == null) {
            return Cart.empty();
        }
        if (lines.size() > Cart.MAX_LINES) {
            throw InvalidInputException.field("lines", "must have at most " + Cart.MAX_LINES + " lines");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        Cart cart = Cart.empty();
        for (int i = 0; i < lines.size(); i++) {
            LineBody l = lines.get(i);
            if (l == null || l.variantId() == null) {
                errors.add(new InvalidInputException.FieldError("lines[" + i + "].variantId", "is required"));
            } else if (l.quantity() == null || l.quantity() < 1 || l.quantity() > Cart.MAX_QUANTITY) {
                errors.add(new InvalidInputException.FieldError("lines[" + i + "].quantity",
                        "must be between 1 and " + Cart.MAX_QUANTITY));
            } else {
                cart = cart.add(l.variantId(), l.quantity());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The cart is not valid", errors);
        }
        return cart;
    }
}
