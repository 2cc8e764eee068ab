package app.comptoir.assistant.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a description may say about a product: its name, brand, category, unit and tags, the options it comes in
 * (name to values, in display order), the chosen variant's option values when the description is for one
 * variant (empty otherwise), and its price range in the business's currency. The product's current description
 * is deliberately not a fact: it is what is being written.
 */
public record ProductFacts(String name, String brand, String category, String unit, List<String> tags,
                           Map<String, List<String>> options, Map<String, String> variantOptions,
                           BigDecimal minPrice, BigDecimal maxPrice, String currency) {

    public ProductFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        variantOptions = variantOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variantOptions));
    }

    /** Whether the description is for one variant. */
    public boolean forVariant() {
        return !variantOptions.isEmpty();
    }
}
