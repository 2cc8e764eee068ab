package app.comptoir.storefront.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.assistant.AssistantChat;
import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.assistant.ShopperShop;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.sales.CustomerOrderSummary;
import app.comptoir.sales.OnlineCustomers;
import app.comptoir.sales.OnlineOrders;

/**
 * The assistant's chat for a signed-in shopper of a shop: the shopper's messages go to the assistant's
 * {@link AssistantChat#chatAsShopper}, which may reach only the {@link ShopperShop} made here for this one shopper:
 * the shop's catalog as the shop shows it ({@link ShopCatalog}: active products, the shop's prices, its availability
 * words), the shopper's own orders, their cart ({@link Carts}) and the shop's checkout ({@link Checkouts}, so an
 * order placed from the chat follows every rule of the checkout page: delivery fee, stock reservation, notices).
 */
@Service
public class ShopAssistant {

    private final AssistantChat chat;
    private final ShopBusinesses shops;
    private final ShopCatalog shopCatalog;
    private final CatalogQueries catalog;
    private final Carts carts;
    private final Checkouts checkouts;
    private final OnlineCustomers customers;

    ShopAssistant(AssistantChat chat, ShopBusinesses shops, ShopCatalog shopCatalog, CatalogQueries catalog,
                  Carts carts, Checkouts checkouts, OnlineCustomers customers) {
        this.chat = chat;
        this.shops = shops;
        this.shopCatalog = shopCatalog;
        this.catalog = catalog;
        this.carts = carts;
        this.checkouts = checkouts;
        this.customers = customers;
    }

    /** The shopper's message in one of their conversations (null: a new one); see {@link AssistantChat#chatAsShopper}. */
    public ChatAnswer chat(ShopBusiness shop, SignedInShopper shopper, String language, UUID conversationId,
                           String message) {
        return chat(shop, shopper, language, conversationId, message, null);
    }

    /** The same, with the model's answer streamed to {@code onText} as the provider sends it. */
    public ChatAnswer chat(ShopBusiness shop, SignedInShopper shopper, String language, UUID conversationId,
                           String message, java.util.function.Consumer<String> onText) {
        ShopperShop seat = new Seat(shop, shopper, language);
        return shops.as(shop, () -> chat.chatAsShopper(seat, conversationId, message, onText));
    }

    /** The shopper's own conversations, most recent first. */
    public List<ConversationSummary> conversations(ShopBusiness shop, SignedInShopper shopper) {
        ShopperShop seat = new Seat(shop, shopper, "fr");
        return shops.as(shop, () -> chat.shopperConversations(seat));
    }

    /** One of the shopper's own conversations (404 for anyone else's). */
    public ConversationView conversation(ShopBusiness shop, SignedInShopper shopper, UUID id) {
        ShopperShop seat = new Seat(shop, shopper, "fr");
        return shops.as(shop, () -> chat.shopperConversation(seat, id));
    }

    /** The shop as this shopper sees it and acts in it. */
    private final class Seat implements ShopperShop {

        private final ShopBusiness shop;
        private final SignedInShopper shopper;
        private final String language;

        Seat(ShopBusiness shop, SignedInShopper shopper, String language) {
            this.shop = shop;
            this.shopper = shopper;
            this.language = "en".equals(language) ? "en" : "fr";
        }

        @Override
        public UUID shopperId() {
            return shopper.shopperId();
        }

        @Override
        public String shopperLabel() {
            return shopper.name() + " <" + shopper.email() + ">";
        }

        @Override
        public String shopName() {
            return shop.name();
        }

        @Override
        public String language() {
            return language;
        }

        @Override
        public List<Product> search(String query) {
            ShopCatalog.Listing listing = shopCatalog.list(shop, new ShopCatalog.ShopQuery(query, null, null, null,
                    null, null, 0, 5), false);
            List<Product> found = new ArrayList<>();
            for (ShopCard card : listing.items()) {
                try {
                    found.add(product(shopCatalog.product(shop, card.id()), null));
                } catch (NotFoundException gone) {
                    // withdrawn between the list and the product: not shown
                }
            }
            return found;
        }

        @Override
        public Optional<Product> variant(String sku) {
            Optional<VariantSummary> v = shops.as(shop, () -> catalog.variantBySku(sku));
            if (v.isEmpty()) {
                return Optional.empty();
            }
            try {
                Product p = product(shopCatalog.product(shop, v.get().productId()), sku);
                return p.variants().isEmpty() ? Optional.empty() : Optional.of(p);
            } catch (NotFoundException notShown) {
                return Optional.empty();
            }
        }

        private Product product(ShopItem item, String onlySku) {
            return new Product(item.name(), item.description(), item.variants().stream()
                    .filter(v -> onlySku == null || v.sku().equalsIgnoreCase(onlySku))
                    .map(v -> new Variant(v.sku(), v.options(), v.price(), shop.currency(), words(v.availability())))
                    .toList());
        }

        @Override
        public List<Order> orders(int max) {
            if (shopper.customerId() == null) {
                return List.of();
            }
            return shops.as(shop, () -> customers.orders(shopper.customerId(), 0, Math.max(1, Math.min(max, 20))))
                    .items().stream().map(Seat::order).toList();
        }

        private static Order order(CustomerOrderSummary o) {
            return new Order(o.id(), o.number(), o.status().name(), o.createdAt(), o.lineCount(), o.total(),
                    o.currency());
        }

        @Override
        public Cart addToCart(String sku, int quantity) {
            Optional<VariantSummary> v = shops.as(shop, () -> catalog.variantBySku(sku));
            UUID variant = v.flatMap(found -> carts.sellable(shop, found.id())).map(VariantSummary::id)
                    .orElseThrow(() -> InvalidInputException.field("sku", "the shop sells no variant " + sku));
            app.comptoir.storefront.domain.Cart cart = carts.ofShopper(shop, shopper);
            try {
                cart = cart.add(variant, Math.min(quantity, app.comptoir.storefront.domain.Cart.MAX_QUANTITY));
            } catch (app.comptoir.storefront.domain.Cart.CartFull e) {
                throw InvalidInputException.field("cart", "the cart is full");
            }
            carts.store(shop, shopper, cart);
            PricedCart priced = carts.price(shop, cart, null);
            return new Cart(priced.itemCount(), priced.subtotal(), priced.currency());
        }

        @Override
        public Checkout checkout() {
            if (!shopper.emailVerified()) {
                throw InvalidInputException.field("email", "the shopper has not verified their e-mail address yet");
            }
            app.comptoir.storefront.domain.Cart cart = carts.ofShopper(shop, shopper);
            if (cart.isEmpty()) {
                throw InvalidInputException.field("cart", "the cart is empty: add products first");
            }
            OnlineOrders.SavedAddress address = checkouts.addresses(shop, shopper).stream().findFirst()
                    .orElseThrow(() -> InvalidInputException.field("address",
                            "the shopper has no delivery address: add one in the account first"));
            PricedCart priced = carts.price(shop, cart, address.address().postalCode());
            if (!priced.orderable()) {
                throw InvalidInputException.field("cart", "a line of the cart cannot be ordered now (not sold or "
                        + "short of stock)");
            }
            return new Checkout(shopper.name(), priced.lines().stream()
                    .map(l -> new Line(l.variantId(), l.sku(), label(l), l.quantity(), l.unitPrice(), l.amount()))
                    .toList(), priced.deliveryFee(), priced.net(), priced.vat(), priced.total(), priced.currency(),
                    address.id(), text(address.address()));
        }

        @Override
        public Placed place(Checkout checkout, String key) {
            app.comptoir.storefront.domain.Cart cart = app.comptoir.storefront.domain.Cart.empty();
            for (Line l : checkout.lines()) {
                cart = cart.add(l.variantId(), l.quantity());
            }
            Checkouts.Result result = checkouts.place(shop, shopper, cart, new Checkouts.Request(checkout.addressId(),
                    null, null, null, Checkouts.PaymentChoice.ON_DELIVERY, null), key, null);
            OnlineOrders.Placed placed = result.order();
            return new Placed(placed.id(), placed.number(), placed.priced().gross(), placed.priced().currency());
        }

        @Override
        public String orderLink(UUID orderId) {
            return "/shop/" + shop.slug() + "/account/orders/" + orderId;
        }
    }

    private static String label(PricedCart.Line l) {
        return l.options() == null || l.options().isEmpty() ? l.name()
                : l.name() + " (" + String.join(" / ", l.options().values()) + ")";
    }

    private static String words(Availability a) {
        return switch (a) {
            case IN_STOCK -> "in_stock";
            case LOW_STOCK -> "few_left";
            case OUT_OF_STOCK -> "out_of_stock";
        };
    }

    private static String text(OnlineOrders.Address a) {
        List<String> parts = new ArrayList<>();
        String city = ((a.postalCode() == null ? "" : a.postalCode()) + " " + (a.city() == null ? "" : a.city())).strip();
        for (String p : new String[] {a.line1(), a.line2(), city, a.country()}) {
            if (p != null && !p.isBlank()) {
                parts.add(p.strip());
            }
        }
        return String.join(", ", parts);
    }
}
