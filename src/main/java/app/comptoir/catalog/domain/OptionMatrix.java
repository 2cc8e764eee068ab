package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.comptoir.catalog.ProductOption;
import app.comptoir.platform.InvalidInputException;

/**
 * Generating variants from option values, in one action: every combination of the values (the
 * cartesian product, in option order) becomes a variant. Existing variants whose values still form
 * a combination are kept as they are; missing combinations get a new variant whose SKU is the base
 * SKU followed by a code per value ({@code POT-TOSC} + {@code 30CM}, {@code ANTHRACITE}); existing
 * variants that match no combination are left out (and so removed by the caller).
 */
public final class OptionMatrix {

    private static final int CODE_LENGTH = 10;

    private OptionMatrix() {
    }

    /** Every combination of the option values, in order; one empty combination without options. */
    public static List<Map<String, String>> combinations(List<ProductOption> options) {
        List<Map<String, String>> result = new ArrayList<>();
        result.add(new LinkedHashMap<>());
        long total = 1;
        for (ProductOption option : options) {
            total *= Math.max(1, option.values().size());
            if (total > ProductRules.MAX_VARIANTS) {
                throw InvalidInputException.field("options", "these values make " + total
                        + " or more combinations; at most " + ProductRules.MAX_VARIANTS + " variants");
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : result) {
                for (String value : option.values()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(option.name(), value);
                    next.add(combination);
                }
            }
            result = next;
        }
        return result;
    }

    /**
     * The variants of the full matrix: kept existing ones and new ones for missing combinations.
     *
     * @param baseSku the start of new SKUs; required only when a variant must be created
     * @param price   the price of new variants; when null, the price of the first existing variant
     */
    public static List<VariantSpec> generate(List<ProductOption> options, List<VariantSpec> existing, String baseSku,
                                             BigDecimal price) {
        List<ProductOption> clean = options == null ? List.of() : options.stream()
                .filter(o -> o != null && o.name() != null && !o.name().isBlank())
                .map(o -> new ProductOption(o.name().trim(), o.values().stream()
                        .filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList()))
                .toList();
        Map<Map<String, String>, VariantSpec> byCombination = new HashMap<>();
        for (VariantSpec variant : existing) {
            byCombination.putIfAbsent(key(variant.options()), variant);
        }
        Map<String, Map<String, String>> codes = codes(clean);
        BigDecimal newPrice = price != null ? price : existing.isEmpty() ? null : existing.getFirst().price();
        String base = ProductRules.trim(baseSku);
        if (base == null) {
            base = baseOf(existing);
        }
        Set<String> usedSkus = new HashSet<>();
        List<Map<String, String>> combinations = combinations(clean);
        List<VariantSpec> kept = new ArrayList<>();
        for (Map<String, String> combination : combinations) {
            VariantSpec match = byCombination.get(key(combination));
            if (match != null && match.sku() != null) {
                usedSkus.add(match.sku().toLowerCase(Locale.ROOT));
            }
            kept.add(match);
        }
        List<VariantSpec> result = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            Map<String, String> combination = combinations.get(i);
            if (kept.get(i) != null) {
                result.add(kept.get(i).withOptions(combination));
                continue;
            }
            if (base == null) {
                throw InvalidInputException.field("baseSku", "is required to generate the missing variants");
            }
            if (newPrice == null) {
                throw InvalidInputException.field("price", "is required to generate the missing variants");
            }
            StringBuilder sku = new StringBuilder(base);
            combination.forEach((name, value) -> sku.append('-').append(codes.get(name).get(value)));
            String candidate = sku.toString();
            for (int n = 2; usedSkus.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = sku + "-" + n;
            }
            usedSkus.add(candidate.toLowerCase(Locale.ROOT));
            result.add(new VariantSpec(null, candidate, null, combination, newPrice, null, null, null, true));
        }
        return result;
    }

    /**
     * The base SKU the existing variants seem to share: the SKU of a lone variant without options,
     * else their common prefix up to a separator ({@code JARD-60CM-BLANC}, {@code JARD-80CM-VERT} → {@code JARD}).
     */
    static String baseOf(List<VariantSpec> existing) {
        List<String> skus = existing.stream().map(VariantSpec::sku).filter(s -> s != null && !s.isBlank()).toList();
        if (skus.isEmpty()) {
            return null;
        }
        if (skus.size() == 1) {
            VariantSpec only = existing.getFirst();
            if (only.options() == null || only.options().isEmpty()) {
                return skus.getFirst();
            }
            int cut = skus.getFirst().indexOf('-');
            return cut > 0 ? skus.getFirst().substring(0, cut) : skus.getFirst();
        }
        String prefix = skus.getFirst();
        for (String sku : skus) {
            int i = 0;
            while (i < prefix.length() && i < sku.length()
                    && Character.toLowerCase(prefix.charAt(i)) == Character.toLowerCase(sku.charAt(i))) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        int end = Math.max(prefix.lastIndexOf('-'), Math.max(prefix.lastIndexOf('_'), prefix.lastIndexOf('.')));
        String base = end > 0 ? prefix.substring(0, end) : prefix;
        return base.isEmpty() ? null : base;
    }

    /** Upper-case ASCII letters and digits of a value, for SKU suffixes ({@code Terre cuite} → {@code TERRECUITE}). */
    public static String code(String value, int maxLength) {
        String code = ProductRules.slugOf(value).replace("-", "").toUpperCase(Locale.ROOT);
        return code.length() > maxLength ? code.substring(0, maxLength) : code;
    }

    /** A short upper-case code per value, unique within its option. */
    private static Map<String, Map<String, String>> codes(List<ProductOption> options) {
        Map<String, Map<String, String>> codes = new HashMap<>();
        for (ProductOption option : options) {
            Map<String, String> byValue = new HashMap<>();
            Set<String> used = new HashSet<>();
            int index = 1;
            for (String value : option.values()) {
                String code = code(value, CODE_LENGTH);
                if (code.isEmpty() || code.equals("PRODUIT")) {
                    code = "V" + index;
                }
                String unique = code;
                for (int n = 2; !used.add(unique); n++) {
                    unique = code + n;
                }
                byValue.put(value, unique);
                index++;
            }
            codes.put(option.name(), byValue);
        }
        return codes;
    }

    private static Map<String, String> key(Map<String, String> values) {
        Map<String, String> key = new HashMap<>();
        if (values != null) {
            values.forEach((k, v) -> key.put(k.trim().toLowerCase(Locale.ROOT),
                    v == null ? "" : v.trim().toLowerCase(Locale.ROOT)));
        }
        return key;
    }
}
