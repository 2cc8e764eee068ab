package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.Money;
import app.comptoir.sales.OnlineOrders;
import app.comptoir.storefront.domain.Cart;
import app.comptoir.storefront.domain.DeliveryRules;
import app.comptoir.storefront.domain.SignedCart;
import app.comptoir.storefront.persistence.CheckoutStore;

/**
 * Carts: an anonymous visitor's lives in a signed cookie only (no row: bots cannot fill the database), a signed-in
 * shopper's in {@code shop_carts}; at the first signed-in request the anonymous cart is merged into the shopper's
 * (quantities added, capped by stock) and the cookie cleared. Pricing goes through sales' own order pricing
 * ({@link OnlineOrders#price}), so the cart's total is the order's; stock is read from inventory.
 */
@Service
public class Carts {

    private final CartKey key;
    private final CheckoutStore store;
    private final CatalogQueries catalog;
    private final StockQueries stock;
    private final OnlineOrders orders;
    private final ShopSettings settings;
    private final ShopBusinesses shops;
    private final TransactionTemplate tx;
    private final Clock clock;

    Carts(CartKey key, CheckoutStore store, CatalogQueries catalog, StockQueries stock, OnlineOrders orders,
          ShopSettings settings, ShopBusinesses shops, TransactionTemplate tx, Clock clock) {
        this.key = key;
        this.store = store;
        this.catalog = catalog;
        this.stock = stock;
        this.orders = orders;
        this.settings = settings;
        this.shops = shops;
        this.tx = tx;
        this.clock = clock;
    }

    /** The anonymous cart of a cookie value (a forged, foreign or malformed one reads as empty). */
    public Cart fromCookie(ShopBusiness shop, String cookie) {
        return SignedCart.read(cookie, shop.tenantId(), key.bytes()).orElse(Cart.empty());
    }

    /** The cookie value holding an anonymous cart. */
    public String toCookie(ShopBusiness shop, Cart cart) {
        return SignedCart.write(cart, shop.tenantId(), key.bytes());
    }

    /** The signed-in shopper's stored cart (empty if none). */
    public Cart ofShopper(ShopBusiness shop, SignedInShopper shopper) {
        return shops.as(shop, () -> tx.execute(s -> store.cart(shop.tenantId(), shopper.shopperId())
                .orElse(Cart.empty())));
    }

    /** Stores the signed-in shopper's cart. */
    public void store(ShopBusiness shop, SignedInShopper shopper, Cart cart) {
        shops.runAs(shop, () -> tx.executeWithoutResult(s ->
                store.storeCart(shop.tenantId(), shopper.shopperId(), cart, clock.instant())));
    }

    /** Merges the anonymous cart into the shopper's (quantities added, capped by what is available) and stores it. */
    public Cart merge(ShopBusiness shop, SignedInShopper shopper, Cart anonymous) {
        if (anonymous.isEmpty()) {
            return ofShopper(shop, shopper);
        }
        return shops.as(shop, () -> tx.execute(s -> {
            Cart mine = store.cart(shop.tenantId(), shopper.shopperId()).orElse(Cart.empty());
            List<UUID> ids = anonymous.lines().stream().map(Cart.CartLine::variantId).toList();
            Map<UUID, Integer> available = new HashMap<>();
            ids.forEach(id -> available.put(id, 0));
            available.putAll(stock.available(ids));
            Cart merged = mine.merge(anonymous, available);
            store.storeCart(shop.tenantId(), shopper.shopperId(), merged, clock.instant());
            return merged;
        }));
    }

    /** Whether the variant can be put in a cart: a live, active variant of an active product of the shop. */
    public Optional<VariantSummary> sellable(ShopBusiness shop, UUID variantId) {
        return shops.as(shop, () -> tx.execute(s -> catalog.variant(variantId)
                .filter(v -> v.active() && v.productStatus() == ProductStatus.ACTIVE)));
    }

    /** The cart priced for the shop, the delivery fee for this postcode (null: the flat fee or the zone-less fee). */
    public PricedCart price(ShopBusiness shop, Cart cart, String postcode) {
        return shops.as(shop, () -> tx.execute(s -> priceInTenant(cart, postcode, settings.rules(), true)));
    }

    /** The same, in the caller's tenant and transaction, with the given rules. */
    PricedCart priceInTenant(Cart cart, String postcode, DeliveryRules rules, boolean withPictures) {
        List<UUID> ids = cart.lines().stream().map(Cart.CartLine::variantId).toList();
        Map<UUID, VariantSummary> variants = catalog.variants(ids).stream()
                .collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        Map<UUID, Integer> available = ids.isEmpty() ? Map.of() : stock.available(ids);
        List<OnlineOrders.Line> sellable = new ArrayList<>();
        for (Cart.CartLine l : cart.lines()) {
            VariantSummary v = variants.get(l.variantId());
            if (v != null && v.active() && v.productStatus() == ProductStatus.ACTIVE) {
                sellable.add(new OnlineOrders.Line(l.variantId(), l.quantity()));
            }
        }
        OnlineOrders.Priced goods = orders.price(sellable, null);
        BigDecimal fee = goods.lines().isEmpty() ? Money.zero(goods.currency()).amount()
                : rules.fee(goods.linesTotal(), postcode, goods.currency());
        OnlineOrders.Priced priced = fee.signum() == 0 ? goods : orders.price(sellable, fee);
        Map<UUID, OnlineOrders.PricedLine> pricedLines = priced.lines().stream()
                .collect(Collectors.toMap(OnlineOrders.PricedLine::variantId, Function.identity(), (a, b) -> a));
        Map<UUID, UUID> images = withPictures ? pictures(variants.values()) : Map.of();
        List<PricedCart.Line> lines = new ArrayList<>();
        boolean orderable = !cart.isEmpty();
        for (Cart.CartLine l : cart.lines()) {
            VariantSummary v = variants.get(l.variantId());
            OnlineOrders.PricedLine p = pricedLines.get(l.variantId());
            int left = available.getOrDefault(l.variantId(), 0);
            PricedCart.Availability a = p == null ? PricedCart.Availability.NOT_SOLD
                    : left <= 0 ? PricedCart.Availability.OUT_OF_STOCK
                    : left < l.quantity() ? PricedCart.Availability.SHORT : PricedCart.Availability.OK;
            orderable &= a == PricedCart.Availability.OK;
            lines.add(new PricedCart.Line(l.variantId(), v == null ? null : v.productId(),
                    v == null ? "—" : v.productName(), v == null ? null : v.sku(),
                    v == null ? Map.of() : v.options(), l.quantity(), p == null ? null : p.unitPrice(),
                    p == null ? null : p.amount(), Math.max(0, left), a, v == null ? null : images.get(v.productId())));
        }
        return new PricedCart(lines, cart.itemCount(), priced.linesTotal(), priced.deliveryFee(), priced.net(),
                priced.vat(), priced.gross(), priced.currency(), priced.pricesIncludeVat(),
                priced.lines().isEmpty() ? null : rules.missingForFree(priced.linesTotal()).orElse(null), orderable);
    }

    /** The first picture of each product (its image id), for the cart's thumbnails. */
    private Map<UUID, UUID> pictures(java.util.Collection<VariantSummary> variants) {
        Map<UUID, UUID> images = new HashMap<>();
        variants.stream().map(VariantSummary::productId).distinct().limit(Cart.MAX_LINES).forEach(productId ->
                catalog.product(productId).flatMap(p -> p.images().stream().findFirst())
                        .map(ProductImageView::id).ifPresent(id -> images.put(productId, id)));
        return images;
    }
}
