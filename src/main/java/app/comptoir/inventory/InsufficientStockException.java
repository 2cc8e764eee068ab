package app.comptoir.inventory;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import app.comptoir.platform.ConflictException;

/** Refusal to take more than is available (problem type {@code insufficient-stock}), naming each short line. */
public class InsufficientStockException extends ConflictException {

    private final transient List<Shortage> shortages;

    public InsufficientStockException(List<Shortage> shortages) {
        super("insufficient-stock", "Not enough stock: " + shortages.stream()
                .map(s -> (s.sku() == null ? s.variantId().toString() : s.sku()) + " requested " + s.requested()
                        + ", available " + s.available())
                .collect(Collectors.joining("; ")));
        this.shortages = List.copyOf(shortages);
    }

    @Override
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of("lines", shortages);
    }

    /** The lines that could not be served. */
    public List<Shortage> shortages() {
        return shortages;
    }

    /** One short line: the variant, its location, what was asked and what is available there. */
    public record Shortage(UUID variantId, String sku, UUID locationId, int requested, int available) {
    }
}
