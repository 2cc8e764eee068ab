package app.comptoir.storefront.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A shopper's cart: variants and quantities, in the order they were added. At most {@value #MAX_LINES} lines and
 * {@value #MAX_QUANTITY} of a variant (so a cookie stays small and a bot cannot build a huge one); adding a variant
 * already there adds to its line. Immutable: every change answers a new cart.
 */
public record Cart(List<CartLine> lines) {

    /** The most lines a cart holds (the cookie stays under 4 KB). */
    public static final int MAX_LINES = 50;

    /** The most units of one variant in a cart. */
    public static final int MAX_QUANTITY = 999;

    /** A line: a variant and how many (1 to {@value #MAX_QUANTITY}). */
    public record CartLine(UUID variantId, int quantity) {
    }

    public Cart {
        lines = List.copyOf(lines);
    }

    /** The empty cart. */
    public static Cart empty() {
        return new Cart(List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** How many units in all (the header's count). */
    public int itemCount() {
        return lines.stream().mapToInt(CartLine::quantity).sum();
    }

    /** The quantity of a variant in the cart (0 if absent). */
    public int quantityOf(UUID variantId) {
        return lines.stream().filter(l -> l.variantId().equals(variantId)).mapToInt(CartLine::quantity).sum();
    }

    /**
     * Adds units of a variant (to its line if there is one), capped at {@value #MAX_QUANTITY}; refuses a new line
     * beyond {@value #MAX_LINES} ({@link CartFull}) and a quantity under 1 ({@link IllegalArgumentException}).
     */
    public Cart add(UUID variantId, int quantity) {
        requireQuantity(quantity);
        Map<UUID, Integer> map = asMap();
        if (!map.containsKey(variantId) && map.size() >= MAX_LINES) {
            throw new CartFull();
        }
        map.merge(variantId, quantity, (a, b) -> Math.min(MAX_QUANTITY, a + b));
        return of(map);
    }

    /** Sets the quantity of a variant's line (0 removes it), capped at {@value #MAX_QUANTITY}. */
    public Cart set(UUID variantId, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be 0 or more");
        }
        Map<UUID, Integer> map = asMap();
        if (quantity == 0) {
            map.remove(variantId);
        } else if (map.containsKey(variantId) || map.size() < MAX_LINES) {
            map.put(variantId, Math.min(MAX_QUANTITY, quantity));
        } else {
            throw new CartFull();
        }
        return of(map);
    }

    /** The cart without this variant. */
    public Cart remove(UUID variantId) {
        return set(variantId, 0);
    }

    /** The cart keeping only the lines whose variant passes (e.g. the ones still sold). */
    public Cart keep(java.util.function.Predicate<UUID> variant) {
        return new Cart(lines.stream().filter(l -> variant.test(l.variantId())).toList());
    }

    /**
     * The anonymous cart merged into this one (the shopper's) at sign-in: quantities of the same variant are added,
     * then each line is capped by what is available ({@code available}: a variant absent from it is not capped, a
     * variant at 0 keeps its line at the quantity this cart already had, at least 1, so the shopper sees the
     * shortage explained on the line rather than a line vanishing); lines beyond {@value #MAX_LINES} are dropped,
     * this cart's first.
     */
    public Cart merge(Cart anonymous, Map<UUID, Integer> available) {
        Map<UUID, Integer> map = asMap();
        for (CartLine l : anonymous.lines()) {
            if (!map.containsKey(l.variantId()) && map.size() >= MAX_LINES) {
                continue;
            }
            int mine = map.getOrDefault(l.variantId(), 0);
            int sum = Math.min(MAX_QUANTITY, mine + l.quantity());
            Integer stock = available.get(l.variantId());
            int capped = stock == null ? sum : Math.min(sum, Math.max(stock, Math.max(mine, 1)));
            map.put(l.variantId(), capped);
        }
        return of(map);
    }

    private Map<UUID, Integer> asMap() {
        Map<UUID, Integer> map = new LinkedHashMap<>();
        lines.forEach(l -> map.merge(l.variantId(), l.quantity(), Integer::sum));
        return map;
    }

    private static Cart of(Map<UUID, Integer> map) {
        List<CartLine> result = new ArrayList<>();
        map.forEach((v, q) -> result.add(new CartLine(v, q)));
        return new Cart(result);
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be between 1 and " + MAX_QUANTITY);
        }
    }

    /** A new line refused: the cart already has {@value #MAX_LINES} lines. */
    public static final class CartFull extends RuntimeException {
        public CartFull() {
            super("A cart holds at most " + MAX_LINES + " lines");
        }
    }
}
