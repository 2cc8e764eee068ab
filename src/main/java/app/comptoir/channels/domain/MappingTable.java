package app.comptoir.channels.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A business's mappings to one marketplace, all kinds, with the built-in defaults under them: a value the business
 * mapped itself wins, then the default. Values compare without case or surrounding spaces. A size is looked up in
 * the row of the item's category first, then in the row for every category (scope '').
 */
public final class MappingTable {

    /** One row: our value (in a scope) and the marketplace's id. */
    public record Row(MappingKind kind, String value, String scope, long marketplaceId, String label) {

        public Row {
            scope = scope == null ? "" : scope;
        }
    }

    private final Map<String, Long> ids = new HashMap<>();

    public MappingTable(List<Row> rows, boolean withDefaults) {
        if (withDefaults) {
            for (MappingKind kind : MappingKind.values()) {
                VintedDefaults.of(kind).forEach((value, id) -> ids.put(key(kind, value, ""), id));
            }
        }
        for (Row row : rows) {
            ids.put(key(row.kind(), row.value(), row.scope()), row.marketplaceId());
        }
    }

    /** The marketplace's id of our value, if mapped. */
    public Optional<Long> find(MappingKind kind, String value, String scope) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (scope != null && !scope.isEmpty()) {
            Long scoped = ids.get(key(kind, value, scope));
            if (scoped != null) {
                return Optional.of(scoped);
            }
        }
        return Optional.ofNullable(ids.get(key(kind, value, "")));
    }

    static String normal(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String key(MappingKind kind, String value, String scope) {
        return kind + "\u001f" + normal(value) + "\u001f" + (scope == null ? "" : scope);
    }
}
