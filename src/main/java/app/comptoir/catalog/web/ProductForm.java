package app.comptoir.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantView;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.SecondHand;
import app.comptoir.catalog.domain.Units;
import app.comptoir.catalog.domain.VariantSpec;
import app.comptoir.platform.Formats;

/**
 * The product page's form, as typed: every number stays text until it is read, so that a wrong
 * amount comes back exactly as typed next to its field (and {@code 12,50} is read like {@code 12.50}).
 *
 * <p>A variant's option values are a list in the order of the options above it, so renaming an
 * option keeps its values.
 */
record ProductForm(String name, String description, String brand, String categoryId, String tags, String status,
                   String vatRate, String unit, String customUnit, List<OptionRow> options,
                   List<VariantRow> variants, String baseSku, String price, Long version, String condition,
                   String size, String material) {

    /** One option of the product: its name and its values, comma separated ({@code S, M, L}). */
    record OptionRow(String name, String values) {

        boolean blank() {
            return isBlank(name) && isBlank(values);
        }

        List<String> valueList() {
            return values == null ? List.of() : Arrays.stream(values.split(","))
                    .map(String::strip).filter(v -> !v.isEmpty()).toList();
        }
    }

    /** One variant row: its id when it exists, its option values (in option order) and its fields. */
    record VariantRow(String id, List<String> values, String sku, String barcode, String price,
                      String compareAtPrice, String cost, String weight, Boolean active, String openingStock) {

        static VariantRow empty() {
            return new VariantRow(null, List.of(), "", "", "", "", "", "", true, "");
        }

        boolean isActive() {
            return active == null || active;
        }
    }

    ProductForm {
        options = options == null ? List.of() : options.stream().filter(Objects::nonNull).toList();
        variants = variants == null ? List.of() : variants.stream().filter(Objects::nonNull).map(v ->
                new VariantRow(v.id(), v.values() == null ? List.of() : v.values(), v.sku(), v.barcode(), v.price(),
                        v.compareAtPrice(), v.cost(), v.weight(), v.active() != null && v.active(),
                        v.openingStock())).toList();
    }

    /** A new product's form: on sale, the first suggested VAT rate, sold by the piece, one variant to fill in. */
    static ProductForm blank(BigDecimal defaultVatRate) {
        return new ProductForm("", "", "", "", "", ProductStatus.ACTIVE.name(), plain(defaultVatRate),
                Units.DEFAULT, "", List.of(), List.of(VariantRow.empty()), "", "", null, "", "", "");
    }

    /** The form of an existing product. */
    static ProductForm of(ProductView product) {
        boolean known = Units.KNOWN.contains(product.unit());
        List<OptionRow> options = product.options().stream()
                .map(o -> new OptionRow(o.name(), String.join(", ", o.values()))).toList();
        List<VariantRow> rows = product.variants().stream().map(v -> row(v, product.options())).toList();
        return new ProductForm(product.name(), nullToEmpty(product.description()), nullToEmpty(product.brand()),
                product.categoryId() == null ? "" : product.categoryId().toString(), String.join(", ", product.tags()),
                product.status().name(), plain(product.vatRate()), known ? product.unit() : "",
                known ? "" : product.unit(), options, rows, "", "", product.version(),
                product.secondHand().condition() == null ? "" : product.secondHand().condition().name(),
                nullToEmpty(product.secondHand().size()), nullToEmpty(product.secondHand().material()));
    }

    private static VariantRow row(VariantView v, List<ProductOption> options) {
        List<String> values = options.stream().map(o -> nullToEmpty(v.options().get(o.name()))).toList();
        return new VariantRow(v.id().toString(), values, v.sku(), nullToEmpty(v.barcode()), plain(v.price()),
                plain(v.compareAtPrice()), plain(v.cost()), plain(v.weight()), v.active(), "");
    }

    /**
     * The opening stock typed per variant of a new product ("Stock initial"), by SKU; a quantity that is not a
     * whole number from 0 to {@link ProductController#MAX_OPENING_STOCK} is rejected next to its field.
     */
    Map<String, Integer> openingStock(BindingResult errors) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRow row = variants.get(i);
            String text = row.openingStock() == null ? "" : row.openingStock().replaceAll("[\\s\\u00A0\\u202F]", "");
            if (text.isEmpty() || isBlank(row.sku())) {
                continue;
            }
            String field = "variants[" + i + "].openingStock";
            if (!text.matches("[0-9]{1,7}") || Integer.parseInt(text) > ProductController.MAX_OPENING_STOCK) {
                errors.rejectValue(field, "invalid.openingStock", "must be a whole number from 0 to 1,000,000");
                continue;
            }
            quantities.merge(row.sku().strip(), Integer.parseInt(text), Integer::sum);
        }
        return quantities;
    }

    /** True when a second-hand attribute is filled in (the form then shows them open). */
    public boolean hasSecondHand() {
        return !isBlank(condition) || !isBlank(size) || !isBlank(material);
    }

    /** The options that are filled in, in order (blank rows left out). */
    public List<OptionRow> filledOptions() {
        return options.stream().filter(o -> !o.blank()).toList();
    }

    /** The options as the catalog knows them. */
    List<ProductOption> productOptions() {
        return filledOptions().stream().map(o -> new ProductOption(strip(o.name()), o.valueList())).toList();
    }

    /** The same form with other variant rows. */
    ProductForm withVariants(List<VariantRow> rows) {
        return new ProductForm(name, description, brand, categoryId, tags, status, vatRate, unit, customUnit, options,
                rows, baseSku, price, version, condition, size, material);
    }

    /** The same form with its blank option rows left out, then padded with blank rows up to the maximum. */
    ProductForm tidy() {
        List<OptionRow> rows = new ArrayList<>(filledOptions());
        while (rows.size() < ProductRules.MAX_OPTIONS) {
            rows.add(new OptionRow("", ""));
        }
        return new ProductForm(name, description, brand, categoryId, tags, status, vatRate, unit, customUnit, rows,
                variants, baseSku, price, version, condition, size, material);
    }

    /** The unit to store: the custom one when typed, else the chosen one. */
    String chosenUnit() {
        return isBlank(customUnit) ? unit : customUnit.strip();
    }

    /**
     * Whether the variant rows no longer fit the options: a row lacks a value for an option, has one
     * too many, or has a value the option no longer lists. Such rows cannot be saved; the page
     * offers the regenerated matrix instead.
     */
    boolean variantsOutOfStep() {
        List<ProductOption> defined = productOptions();
        if (defined.isEmpty()) {
            return variants.stream().anyMatch(v -> v.values().stream().anyMatch(value -> !isBlank(value)));
        }
        for (VariantRow row : variants) {
            if (row.values().size() != defined.size()) {
                return true;
            }
            for (int i = 0; i < defined.size(); i++) {
                String value = row.values().get(i);
                if (value == null || defined.get(i).values().stream().noneMatch(v -> v.equalsIgnoreCase(value.strip()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The product to store, reading every number and id of the form; what cannot be read is rejected
     * on {@code errors} next to its field (and left out of the result).
     */
    ProductSpec toSpec(BindingResult errors) {
        UUID category = null;
        if (!isBlank(categoryId)) {
            try {
                category = UUID.fromString(categoryId.strip());
            } catch (IllegalArgumentException e) {
                errors.rejectValue("categoryId", "catalog.invalid.category");
            }
        }
        ProductStatus productStatus = null;
        if (!isBlank(status)) {
            try {
                productStatus = ProductStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("status", "catalog.invalid.status");
            }
        }
        BigDecimal vat = percent(vatRate, "vatRate", errors);
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        List<ProductOption> productOptions = productOptions();
        List<VariantSpec> specs = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            specs.add(variantSpec(i, variants.get(i), productOptions, errors));
        }
        return new ProductSpec(name, null, description, brand, category, tagList, productStatus, vat, chosenUnit(),
                productOptions, specs, new SecondHand(condition, size, material));
    }

    /** The rows as the catalog's variants, for generating the matrix (unreadable numbers left empty). */
    List<VariantSpec> variantSpecsForMatrix() {
        List<ProductOption> productOptions = productOptions();
        List<VariantSpec> specs = new ArrayList<>();
        for (VariantRow row : variants) {
            specs.add(new VariantSpec(id(row.id()), row.sku(), row.barcode(), values(row, productOptions),
                    quietAmount(row.price()), quietAmount(row.compareAtPrice()), quietAmount(row.cost()),
                    quietAmount(row.weight()), row.isActive()));
        }
        return specs;
    }

    /** The form rows for variants generated or kept by the option matrix. */
    static List<VariantRow> rows(List<VariantSpec> specs, List<ProductOption> options) {
        return specs.stream().map(v -> new VariantRow(v.id() == null ? null : v.id().toString(),
                options.stream().map(o -> nullToEmpty(v.options() == null ? null : v.options().get(o.name()))).toList(),
                nullToEmpty(v.sku()), nullToEmpty(v.barcode()), plain(v.price()), plain(v.compareAtPrice()),
                plain(v.cost()), plain(v.weight()), v.active() == null || v.active(), "")).toList();
    }

    private static VariantSpec variantSpec(int index, VariantRow row, List<ProductOption> options,
                                           BindingResult errors) {
        String path = "variants[" + index + "].";
        return new VariantSpec(id(row.id()), row.sku(), row.barcode(), values(row, options),
                amount(row.price(), path + "price", errors), amount(row.compareAtPrice(), path + "compareAtPrice", errors),
                amount(row.cost(), path + "cost", errors), amount(row.weight(), path + "weight", errors),
                row.isActive());
    }

    private static Map<String, String> values(VariantRow row, List<ProductOption> options) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < options.size() && i < row.values().size(); i++) {
            if (!isBlank(row.values().get(i))) {
                values.put(options.get(i).name(), row.values().get(i).strip());
            }
        }
        return values;
    }

    /** A number as people type it: spaces as thousands separators, a comma or a dot for decimals. */
    static BigDecimal parseNumber(String text) {
        if (isBlank(text)) {
            return null;
        }
        String clean = text.strip().replaceAll("[\\s\\u00A0\\u202F']", "").replace(',', '.');
        if (!clean.matches("[0-9]*\\.?[0-9]+|[0-9]+\\.")) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(clean.endsWith(".") ? clean.substring(0, clean.length() - 1) : clean);
    }

    private static BigDecimal amount(String text, String field, BindingResult errors) {
        try {
            return parseNumber(text);
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "catalog.invalid.number");
            return null;
        }
    }

    private static BigDecimal percent(String text, String field, BindingResult errors) {
        return amount(text == null ? null : text.replace("%", ""), field, errors);
    }

    private static BigDecimal quietAmount(String text) {
        try {
            return parseNumber(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID id(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            // A tampered id names no variant: the row is treated as a new one.
            return null;
        }
    }

    /** A decimal as the form shows it for editing, with the reader's decimal separator ({@code 16,90} in French). */
    static String plain(BigDecimal amount) {
        return Formats.input(amount, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
