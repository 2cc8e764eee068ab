package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.Tenants;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.Payments;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.GenericPlans;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.storefront.OnlineOrderPlaced;
import app.comptoir.storefront.domain.Cart;
import app.comptoir.storefront.domain.DeliveryRules;
import app.comptoir.storefront.persistence.CheckoutStore;

/**
 * Checkout: the signed-in shopper's cart becomes a sales order, {@code CONFIRMED} with its stock reserved, in one
 * transaction ({@link OnlineOrders#place}): a line short of stock at the last moment rolls everything back (no order,
 * no reservation, the slot not taken, the cart kept) and the {@link app.comptoir.inventory.InsufficientStockException}
 * names each short line for the page or the API to explain. The same request sent twice (the form's token or the
 * API's {@code Idempotency-Key}) answers the one order. A delivery slot is taken under a per-day lock, so its
 * capacity is never exceeded. Online payment starts after the commit (the provider is called outside any
 * transaction), only when the business has provider keys.
 */
@Service
public class Checkouts {

    /** How the shopper pays. */
    public enum PaymentChoice { ON_DELIVERY, ONLINE }

    /** What the shopper chose: a saved address or one typed, an optional slot, the payment, a note. */
    public record Request(UUID addressId, OnlineOrders.Address address, LocalDate slotDay, String slotLabel,
                          PaymentChoice payment, String notes) {
    }

    /** The order placed (or found again for a replay) and, for an online payment, where to send the shopper. */
    public record Result(OnlineOrders.Placed order, Optional<OnlineCheckout> payment) {
    }

    private final ShopBusinesses shops;
    private final ShopSettings settings;
    private final CheckoutStore store;
    private final OnlineOrders orders;
    private final Payments payments;
    private final Tenants tenants;
    private final BusinessTime businessTime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Checkouts(ShopBusinesses shops, ShopSettings settings, CheckoutStore store, OnlineOrders orders,
              Payments payments, Tenants tenants, BusinessTime businessTime, ApplicationEventPublisher events,
              TransactionTemplate tx, Clock clock) {
        this.shops = shops;
        this.settings = settings;
        this.store = store;
        this.orders = orders;
        this.payments = payments;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether the shop offers online payment (the business has provider keys). */
    public boolean onlinePayment(ShopBusiness shop) {
        return shops.as(shop, payments::onlineAvailable);
    }

    /** The shopper's saved addresses, the default delivery address first. */
    public List<OnlineOrders.SavedAddress> addresses(ShopBusiness shop, SignedInShopper shopper) {
        if (shopper.customerId() == null) {
            return List.of();
        }
        return shops.as(shop, () -> orders.addresses(shopper.customerId()));
    }

    /** The delivery slots offered from tomorrow, with what each can still take (none when slots are off). */
    public List<DeliveryRules.OfferedSlot> slots(ShopBusiness shop) {
        return shops.as(shop, () -> tx.execute(s -> {
            DeliveryRules rules = settings.rules();
            LocalDate today = businessTime.today();
            Map<String, Integer> taken = rules.slots().enabled()
                    ? store.slotsTaken(shop.tenantId(), today, today.plusDays(rules.slots().daysAhead()))
                    : Map.of();
            return rules.offered(today, taken);
        }));
    }

    /**
     * Places the order of these lines (the shopper's cart, or the API's lines) for the shopper: see the class
     * comment. {@code key}: the form's token or the API's Idempotency-Key (null: none); {@code returnUrl}: where the
     * payment provider sends the shopper back (online payment only). The stored cart is emptied with the order.
     */
    public Result place(ShopBusiness shop, SignedInShopper shopper, Cart cart, Request request, String key,
                        String returnUrl) {
        if (!shopper.emailVerified()) {
            throw CheckoutRefused.emailNotVerified();
        }
        if (shopper.customerId() == null) {
            throw new IllegalStateException("A shopper without a customer cannot order");
        }
        String orderKey = key == null ? null : OnlineOrders.shopperKey(shopper.shopperId(), key);
        if (cart.isEmpty()) {
            // The form sent again after its order emptied the cart: the order it placed, else nothing to order.
            OnlineOrders.Placed earlier = orderKey == null ? null
                    : shops.as(shop, () -> orders.replay(orderKey, null)).orElse(null);
            if (earlier == null) {
                throw CheckoutRefused.emptyCart();
            }
            return new Result(earlier, Optional.empty());
        }
        Request r = request == null ? new Request(null, null, null, null, PaymentChoice.ON_DELIVERY, null) : request;
        PaymentChoice payment = r.payment() == null ? PaymentChoice.ON_DELIVERY : r.payment();
        if (payment == PaymentChoice.ONLINE && !onlinePayment(shop)) {
            throw InvalidInputException.field("payment", "online payment is not offered by this shop");
        }
        String hash = hash(shop, cart, r, payment);
        OnlineOrders.Placed placed;
        try {
            // Lookups and writes by key: the generic plans PostgreSQL keeps, not a plan per statement (GenericPlans).
            placed = GenericPlans.during(() -> shops.as(shop,
                    () -> tx.execute(s -> placeInTenant(shop, shopper, cart, r, payment, orderKey, hash))));
        } catch (DuplicateKeyException raced) {
            // The same request sent twice at once: the first one's insert won; answer its order.
            placed = shops.as(shop, () -> orders.replay(orderKey, hash)).orElseThrow(() -> raced);
        }
        Optional<OnlineCheckout> online = Optional.empty();
        if (payment == PaymentChoice.ONLINE && !placed.paid()) {
            UUID id = placed.id();
            online = Optional.of(shops.as(shop, () -> orders.startPayment(id, shopper.email(),
                    returnUrl == null ? null : returnUrl + id,
                    "shop-pay-" + id)));
        }
        return new Result(placed, online);
    }

    private OnlineOrders.Placed placeInTenant(ShopBusiness shop, SignedInShopper shopper, Cart cart, Request r,
                                              PaymentChoice payment, String orderKey, String hash) {
        boolean slotAsked = r.slotDay() != null || (r.slotLabel() != null && !r.slotLabel().isBlank());
        if (orderKey != null) {
            Optional<OnlineOrders.Placed> earlier = orders.replay(orderKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        OnlineOrders.Address address = r.address();
        UUID addressId = r.addressId();
        if (addressId != null) {
            address = orders.addresses(shopper.customerId()).stream().filter(a -> a.id().equals(addressId))
                    .findFirst().map(OnlineOrders.SavedAddress::address)
                    .orElseThrow(() -> InvalidInputException.field("addressId", "is not one of your addresses"));
        } else if (address == null) {
            throw InvalidInputException.field("address", "is required: choose one of your addresses or type one");
        }
        DeliveryRules rules = settings.rules();
        LocalDate today = businessTime.today();
        String slotLabel = null;
        if (slotAsked) {
            DeliveryRules.Slot slot = rules.slot(today, r.slotDay(), r.slotLabel())
                    .orElseThrow(() -> InvalidInputException.field("slot", "is not a delivery slot of this shop"));
            store.lockSlotDay(shop.tenantId(), r.slotDay());
            int taken = store.slotsTaken(shop.tenantId(), r.slotDay(), r.slotDay())
                    .getOrDefault(DeliveryRules.slotKey(r.slotDay(), slot.label()), 0);
            if (taken >= slot.capacity()) {
                throw CheckoutRefused.slotFull();
            }
            slotLabel = slot.label();
        }
        List<OnlineOrders.Line> lines = cart.lines().stream()
                .map(l -> new OnlineOrders.Line(l.variantId(), l.quantity())).toList();
        // The fee needs the goods' total only: the order's own pricing (a line not for sale is its 400), not the
        // cart's page (availability, pictures), whose reads the reservation makes useless here.
        OnlineOrders.Priced goods = orders.price(lines, null);
        BigDecimal fee = rules.fee(goods.linesTotal(), address.postalCode(), goods.currency());
        String notes = r.notes() == null || r.notes().isBlank() ? null : r.notes().strip();
        OnlineOrders.Placed placed = orders.place(shopper.customerId(), addressId, addressId == null ? address : null,
                lines, fee, notes, orderKey, hash);
        if (placed.isNew()) {
            store.insertOrder(shop.tenantId(), placed.id(), shopper.shopperId(), slotLabel == null ? null : r.slotDay(),
                    slotLabel, payment.name(), clock.instant());
            store.storeCart(shop.tenantId(), shopper.shopperId(), Cart.empty(), clock.instant());
            events.publishEvent(new OnlineOrderPlaced(shop.tenantId(), placed.id(), placed.number(), shop.slug(),
                    shopper.email(), shopper.name(), shopper.locale(), placed.priced().gross(), placed.priced().currency(),
                    payment.name(), slotLabel == null ? null : r.slotDay(), slotLabel));
        }
        return placed;
    }

    /** The shopper's own order with the shop's part of it (slot, payment), if it is theirs. */
    public Optional<Confirmation> confirmation(ShopBusiness shop, SignedInShopper shopper, UUID orderId) {
        return shops.as(shop, () -> tx.execute(s -> orders.ofCustomer(shopper.customerId(), orderId)
                .map(o -> new Confirmation(o, store.order(shop.tenantId(), orderId, shopper.shopperId())
                        .orElse(null)))));
    }

    /** An order as its confirmation page shows it. */
    public record Confirmation(OnlineOrders.Placed order, CheckoutStore.ShopOrder shop) {
    }

    /** The tenant's name (for pages that need it without a shop record). */
    String businessName() {
        return tenants.current().name();
    }

    private static String hash(ShopBusiness shop, Cart cart, Request r, PaymentChoice payment) {
        String canonical = shop.tenantId() + "|" + cart.lines() + "|" + r.addressId() + "|" + r.address() + "|"
                + r.slotDay() + "|" + r.slotLabel() + "|" + payment + "|" + r.notes();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
