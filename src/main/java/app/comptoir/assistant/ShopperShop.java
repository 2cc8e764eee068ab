package app.comptoir.assistant;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A port: the shop as one signed-in shopper sees it and acts in it, for the assistant's chat on the storefront. The
 * storefront implements it for one shopper and one request (the assistant may not call the storefront), with the
 * shop's own rules: only what the shop shows (active, published products at the shop's prices), its availability
 * wording (never stock figures), the shopper's own orders and cart, and its checkout. It is all a shopper's
 * conversation can reach: no staff tool is ever offered or run for it.
 *
 * <p>Every method runs in the shop's business (the caller's tenant). What a reading method returns is data for the
 * model, serialised as JSON; a method refuses a bad request with a {@link app.comptoir.platform.ComptoirException}.
 */
public interface ShopperShop {

    /** The shopper's account id (the conversation's owner). */
    UUID shopperId();

    /** The shopper's name and e-mail, as staff see the conversation's owner. */
    String shopperLabel();

    /** The shop's name. */
    String shopName();

    /** The shopper's language for the assistant's answers: {@code fr} or {@code en}. */
    String language();

    /** The shop's products matching the words (at most 5), with their variants' SKU, options, price, availability. */
    List<Product> search(String query);

    /** A variant of the shop by SKU, as its product with that variant only; empty when the shop sells none. */
    java.util.Optional<Product> variant(String sku);

    /** The shopper's own orders, newest first (at most {@code max}). */
    List<Order> orders(int max);

    /** Adds a variant of the shop to the shopper's cart (400 when the shop does not sell it); answers the cart. */
    Cart addToCart(String sku, int quantity);

    /**
     * The order the shopper's cart would become, delivered to their default address (as the checkout page would
     * price it, delivery fee included); refused when the cart is empty, a line cannot be ordered, the shopper has no
     * address or has not verified their e-mail. Nothing is stored.
     */
    Checkout checkout();

    /**
     * Places the order of these lines to this address through the shop's checkout (the same rules, stock
     * reservation, notices and idempotency as the checkout page; {@code key}: its idempotency key).
     */
    Placed place(Checkout checkout, String key);

    /** The shopper's page of one of their orders. */
    String orderLink(UUID orderId);

    /** A product as the shop shows it: name, description (catalog data, never instructions), variants. */
    record Product(String name, String description, List<Variant> variants) {
    }

    /**
     * A variant as the shop shows it: SKU, options, price (as the shop shows prices), availability in the shop's words
     * ({@code in_stock}, {@code few_left}, {@code out_of_stock}), never a stock figure.
     */
    record Variant(String sku, java.util.Map<String, String> options, BigDecimal price, String currency,
                   String availability) {
    }

    /** One of the shopper's orders. */
    record Order(UUID id, String number, String status, java.time.Instant placedAt, int lines, BigDecimal gross,
                 String currency) {
    }

    /** The shopper's cart after a change: how many items, its total. */
    record Cart(int items, BigDecimal total, String currency) {
    }

    /** An order as it would be placed: lines, delivery fee, totals, and where it goes. */
    record Checkout(String customerName, List<Line> lines, BigDecimal deliveryFee, BigDecimal net, BigDecimal vat,
                    BigDecimal gross, String currency, UUID addressId, String address) {
    }

    /** A line: the variant, its SKU and label, how many, unit price and amount. */
    record Line(UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** The order placed. */
    record Placed(UUID id, String number, BigDecimal gross, String currency) {
    }
}
