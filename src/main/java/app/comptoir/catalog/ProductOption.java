package app.comptoir.catalog;

import java.util.List;

/** An option a product comes in (e.g. {@code Couleur}) and its values, in display order. */
public record ProductOption(String name, List<String> values) {

    public ProductOption {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
