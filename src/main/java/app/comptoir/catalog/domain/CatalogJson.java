package app.comptoir.catalog.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.ProductOption;

/** Reads and writes the JSON columns of the catalog (option definitions and option values). */
public final class CatalogJson {

    /** Immutable and thread-safe; numbers become {@code BigDecimal} so prices keep their scale. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final TypeReference<List<ProductOption>> OPTIONS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> VALUES = new TypeReference<>() { };

    private CatalogJson() {
    }

    public static String options(List<ProductOption> options) {
        return MAPPER.writeValueAsString(options == null ? List.of() : options);
    }

    public static List<ProductOption> options(String json) {
        return json == null || json.isBlank() ? List.of() : List.copyOf(MAPPER.readValue(json, OPTIONS));
    }

    public static String values(Map<String, String> values) {
        return MAPPER.writeValueAsString(values == null ? Map.of() : values);
    }

    public static Map<String, String> values(String json) {
        return json == null || json.isBlank() ? new LinkedHashMap<>() : MAPPER.readValue(json, VALUES);
    }

    /** The option values in the order of the product's option definitions (JSONB does not keep key order). */
    public static Map<String, String> ordered(Map<String, String> values, List<ProductOption> options) {
        if (values.size() <= 1) {
            return values;
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (ProductOption option : options) {
            String value = values.get(option.name());
            if (value != null) {
                ordered.put(option.name(), value);
            }
        }
        values.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
