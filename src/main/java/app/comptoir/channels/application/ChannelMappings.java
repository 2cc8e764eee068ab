package app.comptoir.channels.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ItemCondition;
import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.MappingTable;
import app.comptoir.channels.domain.PricingRule;
import app.comptoir.channels.domain.VintedDefaults;
import app.comptoir.channels.persistence.MappingStore;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * A business's mapping tables (our category, brand, size, condition, colour → Vinted's ids) and its pricing rule:
 * read by everyone, changed by those who may change the catalog. Conditions and common colours have built-in
 * defaults ({@link VintedDefaults}) that a business's own row overrides.
 */
@Service
public class ChannelMappings {

    /** The marketplace whose mappings these are (the only one so far). */
    public static final String VINTED = "VINTED";
    static final int MAX_ROWS = 1000;

    /** One row as shown: our value (and the label of a category), its scope, the marketplace's id, built-in or not. */
    public record Entry(String value, String valueLabel, String scope, String scopeLabel, long marketplaceId,
                        String label, boolean builtIn) {
    }

    /** One kind's table. */
    public record Table(MappingKind kind, List<Entry> rows) {
    }

    /** A row as typed. */
    public record RowInput(String value, String scope, Long marketplaceId, String label) {
    }

    /** The pricing rule as typed and shown. */
    public record Pricing(BigDecimal markupPercent, BigDecimal markupFixed, PricingRule.Rounding rounding,
                          BigDecimal minimum) {
    }

    private final MappingStore store;
    private final CatalogQueries catalog;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final Clock clock;

    ChannelMappings(MappingStore store, CatalogQueries catalog, Permissions permissions, TenantContext tenantContext,
                    Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /** A kind's table by the kind's name in a path (404 for an unknown kind, after the permission is checked). */
    @Transactional(readOnly = true)
    public Table table(String kind) {
        permissions.require(Permission.READ);
        return table(kind(kind));
    }

    /** Replaces a kind's own rows, the kind named as in a path. */
    @Transactional
    public Table replace(String kind, List<RowInput> rows) {
        permissions.require(Permission.CATALOG_WRITE);
        return replace(kind(kind), rows);
    }

    private static MappingKind kind(String name) {
        return MappingKind.parse(name).orElseThrow(() -> new NotFoundException("mapping kind", name));
    }

    /** A kind's table: the business's rows, then the defaults it has not overridden. */
    @Transactional(readOnly = true)
    public Table table(MappingKind kind) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        Map<UUID, String> categories = categoryNames();
        List<Entry> entries = new ArrayList<>();
        Set<String> own = new HashSet<>();
        for (MappingTable.Row row : store.rows(tenant, VINTED, kind)) {
            own.add(row.value().toLowerCase(Locale.ROOT) + "\u001f" + row.scope());
            entries.add(new Entry(row.value(), valueLabel(kind, row.value(), categories), row.scope(),
                    scopeLabel(row.scope(), categories), row.marketplaceId(), row.label(), false));
        }
        VintedDefaults.of(kind).forEach((value, id) -> {
            if (!own.contains(value.toLowerCase(Locale.ROOT) + "\u001f")) {
                entries.add(new Entry(value, valueLabel(kind, value, categories), "", null, id, null, true));
            }
        });
        return new Table(kind, entries);
    }

    /** Replaces the business's own rows of a kind (every wrong row reported at once, nothing stored then). */
    @Transactional
    public Table replace(MappingKind kind, List<RowInput> rows) {
        permissions.require(Permission.CATALOG_WRITE);
        List<FieldError> errors = new ArrayList<>();
        List<MappingTable.Row> checked = new ArrayList<>();
        if (rows == null) {
            throw InvalidInputException.field("rows", "required (an empty list removes every row)");
        }
        if (rows.size() > MAX_ROWS) {
            throw InvalidInputException.field("rows", "at most " + MAX_ROWS + " rows");
        }
        Set<UUID> categories = categoryNames().keySet();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            MappingTable.Row row = check(kind, rows.get(i), "rows[" + i + "].", categories, errors);
            if (row != null && !seen.add(row.value().toLowerCase(Locale.ROOT) + "\u001f" + row.scope())) {
                errors.add(new FieldError("rows[" + i + "].value", "'" + row.value() + "' is mapped twice"));
            } else if (row != null) {
                checked.add(row);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The mapping table cannot be saved as it is", errors);
        }
        store.replace(tenantContext.requireTenant(), VINTED, kind, checked, clock.instant());
        return table(kind);
    }

    /** Adds a row or changes the one with the same value and scope. */
    @Transactional
    public void save(MappingKind kind, RowInput input) {
        permissions.require(Permission.CATALOG_WRITE);
        List<FieldError> errors = new ArrayList<>();
        MappingTable.Row row = check(kind, input, "", categoryNames().keySet(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The row cannot be saved as it is", errors);
        }
        store.upsert(tenantContext.requireTenant(), VINTED, row, clock.instant());
    }

    /** Removes the business's row with this value and scope (a default cannot be removed, only overridden). */
    @Transactional
    public boolean remove(MappingKind kind, String value, String scope) {
        permissions.require(Permission.CATALOG_WRITE);
        return store.remove(tenantContext.requireTenant(), VINTED, kind, value == null ? "" : value.strip(),
                scope == null ? "" : scope.strip());
    }

    /** Every mapping of the business with the defaults under them, to prepare a listing. */
    @Transactional(readOnly = true)
    public MappingTable mappingTable() {
        return new MappingTable(store.rows(tenantContext.requireTenant(), VINTED, null), true);
    }

    /** The business's pricing rule (none set: no markup, no rounding, no minimum). */
    @Transactional(readOnly = true)
    public Pricing pricing() {
        permissions.require(Permission.READ);
        PricingRule rule = pricingRule();
        return new Pricing(rule.markupPercent(), rule.markupFixed(), rule.rounding(), rule.minimum());
    }

    PricingRule pricingRule() {
        return store.pricing(tenantContext.requireTenant(), VINTED).orElse(PricingRule.NONE);
    }

    /** Changes the pricing rule (every wrong field at once). */
    @Transactional
    public Pricing savePricing(Pricing input) {
        permissions.require(Permission.CATALOG_WRITE);
        if (input == null) {
            throw InvalidInputException.field("body", "required");
        }
        PricingRule rule = new PricingRule(input.markupPercent(), input.markupFixed(), input.rounding(),
                input.minimum());
        List<FieldError> errors = rule.problems().stream().map(p -> new FieldError(p[0], p[1])).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The pricing rule cannot be saved as it is", errors);
        }
        store.savePricing(tenantContext.requireTenant(), VINTED, rule, clock.instant());
        return pricing();
    }

    /** The business's categories by id, with their names (for labels and checks). */
    public Map<UUID, String> categoryNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        collect(catalog.categories(), "", names);
        return names;
    }

    private static void collect(List<CategoryNode> nodes, String prefix, Map<UUID, String> names) {
        for (CategoryNode node : nodes) {
            names.put(node.id(), prefix + node.name());
            collect(node.children(), prefix + node.name() + " › ", names);
        }
    }

    private static MappingTable.Row check(MappingKind kind, RowInput in, String path, Set<UUID> categories,
                                          List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(path.isEmpty() ? "row" : path.substring(0, path.length() - 1), "required"));
            return null;
        }
        int before = errors.size();
        String value = in.value() == null ? "" : in.value().strip().replaceAll("\\s+", " ");
        String scope = in.scope() == null ? "" : in.scope().strip();
        if (value.isEmpty()) {
            errors.add(new FieldError(path + "value", "required"));
        } else if (value.length() > 120) {
            errors.add(new FieldError(path + "value", "at most 120 characters"));
        } else if (kind == MappingKind.CATEGORY && !isCategory(value, categories)) {
            errors.add(new FieldError(path + "value", "not a category of the catalog (its id)"));
        } else if (kind == MappingKind.CONDITION) {
            var condition = ItemCondition.parse(value);
            if (condition.isEmpty()) {
                errors.add(new FieldError(path + "value", "one of " + java.util.Arrays.toString(ItemCondition.values())));
            } else {
                value = condition.get().name();
            }
        }
        if (!scope.isEmpty() && (kind != MappingKind.SIZE || !isCategory(scope, categories))) {
            errors.add(new FieldError(path + "scope", kind == MappingKind.SIZE
                    ? "empty (every category) or a category of the catalog (its id)" : "only sizes have a scope"));
        }
        if (in.marketplaceId() == null || in.marketplaceId() <= 0 || in.marketplaceId() > 999_999_999_999L) {
            errors.add(new FieldError(path + "marketplaceId", "the marketplace's id: a positive whole number"));
        }
        String label = in.label() == null || in.label().isBlank() ? null : in.label().strip();
        if (label != null && label.length() > 120) {
            errors.add(new FieldError(path + "label", "at most 120 characters"));
        }
        if (errors.size() > before) {
            return null;
        }
        if (kind == MappingKind.CATEGORY) {
            value = value.toLowerCase(Locale.ROOT);
        }
        return new MappingTable.Row(kind, value, scope.toLowerCase(Locale.ROOT), in.marketplaceId(), label);
    }

    private static boolean isCategory(String text, Set<UUID> categories) {
        try {
            return categories.contains(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String valueLabel(MappingKind kind, String value, Map<UUID, String> categories) {
        if (kind != MappingKind.CATEGORY) {
            return value;
        }
        return scopeLabel(value, categories);
    }

    private static String scopeLabel(String id, Map<UUID, String> categories) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        try {
            return categories.getOrDefault(UUID.fromString(id), id);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
