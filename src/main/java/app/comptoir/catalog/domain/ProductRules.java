package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.comptoir.catalog.ItemCondition;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.Slugs;

/**
 * The rules a product must follow, checked before anything is stored: required fields and their
 * sizes, VAT rate, unit, tags, option definitions, and variants that match them (a product without
 * options has exactly one variant; with options, every variant has one value per option and no two
 * variants share a combination), SKUs and barcodes unique within the product, barcodes with a valid
 * check digit, prices with two decimals at most. Uniqueness across the tenant is checked by the
 * service against the database.
 */
public final class ProductRules {

    public static final int MAX_OPTIONS = 3;
    public static final int MAX_VALUES_PER_OPTION = 100;
    public static final int MAX_VARIANTS = 500;
    public static final int MAX_TAGS = 30;
    /** SKUs: letters, digits and . _ / - (no spaces), starting with a letter or digit. */
    public static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    /** Slugs: lower-case ASCII letters, digits and single inner dashes. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int SLUG_MAX_LENGTH = 120;
    private static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");
    private static final BigDecimal MAX_WEIGHT = new BigDecimal("9999999.999");

    private ProductRules() {
    }

    /**
     * The slug a product gets from its name ({@code Pot « Toscane » Ø 30 cm} becomes
     * {@code pot-toscane-o-30-cm}), short enough to take a {@code -2}... suffix when it is taken.
     */
    public static String slugOf(String name) {
        return Slugs.of(name, SLUG_MAX_LENGTH - 8, "produit");
    }

    /** The normalised specification and what is wrong with it (nothing when it may be stored). */
    public record Checked(ProductSpec spec, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }

        /** The specification, or a 400 problem listing every field in error. */
        public ProductSpec orThrow() {
            if (!errors.isEmpty()) {
                String detail = errors.size() == 1 ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : errors.size() + " fields are invalid";
                throw new InvalidInputException(detail, errors);
            }
            return spec;
        }
    }

    /** Trims and normalises the specification and lists every broken rule. */
    public static Checked check(ProductSpec in) {
        List<FieldError> errors = new ArrayList<>();
        String name = trim(in.name());
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String slug = trim(in.slug());
        if (slug != null) {
            slug = slug.toLowerCase(Locale.ROOT);
            if (slug.length() > SLUG_MAX_LENGTH || !SLUG.matcher(slug).matches()) {
                errors.add(new FieldError("slug", "must be lower-case letters, digits and single dashes (at most "
                        + SLUG_MAX_LENGTH + ")"));
            }
        }
        String description = trim(in.description());
        if (description != null && description.length() > 20_000) {
            errors.add(new FieldError("description", "must be at most 20000 characters"));
        }
        String brand = trim(in.brand());
        if (brand != null && brand.length() > 120) {
            errors.add(new FieldError("brand", "must be at most 120 characters"));
        }
        SecondHand secondHand = secondHand(in.secondHand(), errors);
        List<String> tags = tags(in.tags(), errors);
        ProductStatus status = in.status() == null ? ProductStatus.ACTIVE : in.status();
        BigDecimal vatRate = in.vatRate();
        if (vatRate == null) {
            errors.add(new FieldError("vatRate", "is required (e.g. 20, 10, 5.5, 2.1 or 0)"));
        } else if (!VatRates.isValid(vatRate)) {
            errors.add(new FieldError("vatRate", "must be a rate from 0 to less than 100 with at most 2 decimals"));
        } else {
            vatRate = vatRate.setScale(2);
        }
        String unit = Units.normalize(in.unit());
        if (unit == null) {
            errors.add(new FieldError("unit", "must be one of " + Units.KNOWN
                    + " or a short text (at most 20 letters, digits, spaces)"));
        }
        List<ProductOption> options = options(in.options(), errors);
        List<VariantSpec> variants = variants(in.variants(), options, errors);
        ProductSpec spec = new ProductSpec(name, slug, description, brand, in.categoryId(), tags, status, vatRate,
                unit, options, variants, secondHand);
        return new Checked(spec, List.copyOf(errors));
    }

    /** The condition must be one of ours; size and material are short texts. */
    private static SecondHand secondHand(SecondHand in, List<FieldError> errors) {
        String condition = trim(in.condition());
        if (condition != null) {
            var parsed = ItemCondition.parse(condition);
            if (parsed.isEmpty()) {
                errors.add(new FieldError("secondHand.condition", "must be one of "
                        + java.util.Arrays.toString(ItemCondition.values())));
            } else {
                condition = parsed.get().name();
            }
        }
        String size = trim(in.size());
        if (size != null && size.length() > 40) {
            errors.add(new FieldError("secondHand.size", "must be at most 40 characters"));
        }
        String material = trim(in.material());
        if (material != null && material.length() > 80) {
            errors.add(new FieldError("secondHand.material", "must be at most 80 characters"));
        }
        return new SecondHand(condition, size, material);
    }

    private static List<String> tags(List<String> in, List<FieldError> errors) {
        Set<String> tags = new LinkedHashSet<>();
        if (in != null) {
            for (String raw : in) {
                String tag = trim(raw);
                if (tag == null) {
                    continue;
                }
                tag = tag.toLowerCase(Locale.ROOT);
                if (tag.length() > 50) {
                    errors.add(new FieldError("tags", "each tag must be at most 50 characters"));
                } else {
                    tags.add(tag);
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "at most " + MAX_TAGS + " tags"));
        }
        return List.copyOf(tags);
    }

    private static List<ProductOption> options(List<ProductOption> in, List<FieldError> errors) {
        if (in == null || in.isEmpty()) {
            return List.of();
        }
        if (in.size() > MAX_OPTIONS) {
            errors.add(new FieldError("options", "at most " + MAX_OPTIONS + " options (e.g. size, colour, material)"));
        }
        List<ProductOption> options = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String path = "options[" + i + "]";
            ProductOption option = in.get(i);
            String name = option == null ? null : trim(option.name());
            if (name == null) {
                errors.add(new FieldError(path + ".name", "is required"));
                continue;
            }
            if (name.length() > 40) {
                errors.add(new FieldError(path + ".name", "must be at most 40 characters"));
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + ".name", "'" + name + "' is defined twice"));
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String raw : option.values()) {
                String value = trim(raw);
                if (value == null) {
                    continue;
                }
                if (value.length() > 60) {
                    errors.add(new FieldError(path + ".values", "each value must be at most 60 characters"));
                } else if (seen.add(value.toLowerCase(Locale.ROOT))) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                errors.add(new FieldError(path + ".values", "needs at least one value"));
            } else if (values.size() > MAX_VALUES_PER_OPTION) {
                errors.add(new FieldError(path + ".values", "at most " + MAX_VALUES_PER_OPTION + " values"));
            }
            options.add(new ProductOption(name, values));
        }
        return List.copyOf(options);
    }

    private static List<VariantSpec> variants(List<VariantSpec> in, List<ProductOption> options, List<FieldError> errors) {
        if (in == null || in.isEmpty()) {
            errors.add(new FieldError("variants", "a product needs at least one variant"));
            return List.of();
        }
        if (options.isEmpty() && in.size() > 1) {
            errors.add(new FieldError("variants", "a product without options has exactly one variant"));
        }
        if (in.size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "at most " + MAX_VARIANTS + " variants"));
        }
        List<VariantSpec> variants = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        Set<String> barcodes = new HashSet<>();
        Set<Map<String, String>> combinations = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String path = "variants[" + i + "]";
            VariantSpec v = in.get(i);
            if (v == null) {
                errors.add(new FieldError(path, "is required"));
                continue;
            }
            String sku = trim(v.sku());
            if (sku == null) {
                errors.add(new FieldError(path + ".sku", "is required"));
            } else if (!SKU.matcher(sku).matches()) {
                errors.add(new FieldError(path + ".sku",
                        "must be 1 to 64 letters, digits, dots, dashes, slashes or underscores, without spaces"));
            } else if (!skus.add(sku.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + ".sku", "'" + sku + "' is used by another variant of this product"));
            }
            String barcode = trim(v.barcode());
            if (barcode != null) {
                barcode = barcode.replace(" ", "");
                if (!Barcodes.isValid(barcode)) {
                    errors.add(new FieldError(path + ".barcode",
                            "must be an EAN-13, UPC-A or EAN-8 code with a valid check digit"));
                } else if (!barcodes.add(barcode)) {
                    errors.add(new FieldError(path + ".barcode", "is used by another variant of this product"));
                }
            }
            Map<String, String> values = optionValues(v.options(), options, path, errors);
            if (!options.isEmpty() && values.size() == options.size() && !combinations.add(lowerCase(values))) {
                errors.add(new FieldError(path + ".options", "another variant has the same option values " + values));
            }
            money(v.price(), path + ".price", true, errors);
            money(v.compareAtPrice(), path + ".compareAtPrice", false, errors);
            money(v.cost(), path + ".cost", false, errors);
            if (v.compareAtPrice() != null && v.price() != null && v.compareAtPrice().compareTo(v.price()) <= 0) {
                errors.add(new FieldError(path + ".compareAtPrice", "must be higher than the price (it is the price before a discount)"));
            }
            if (v.weight() != null && (v.weight().signum() < 0 || v.weight().compareTo(MAX_WEIGHT) > 0
                    || v.weight().stripTrailingZeros().scale() > 3)) {
                errors.add(new FieldError(path + ".weight", "must be a weight in kg from 0 with at most 3 decimals"));
            }
            BigDecimal weight = v.weight() == null || v.weight().stripTrailingZeros().scale() > 3 ? v.weight()
                    : v.weight().setScale(3);
            variants.add(new VariantSpec(v.id(), sku, barcode, values, scale(v.price()), scale(v.compareAtPrice()),
                    scale(v.cost()), weight, v.active() == null || v.active()));
        }
        return List.copyOf(variants);
    }

    /** The variant's values with the option names and values spelt as the definitions spell them. */
    private static Map<String, String> optionValues(Map<String, String> in, List<ProductOption> options, String path,
                                                    List<FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> {
                if (k != null && trim(v) != null) {
                    given.put(k.trim().toLowerCase(Locale.ROOT), v.trim());
                }
            });
        }
        for (ProductOption option : options) {
            String value = given.remove(option.name().toLowerCase(Locale.ROOT));
            if (value == null) {
                errors.add(new FieldError(path + ".options", "needs a value for '" + option.name() + "'"));
                continue;
            }
            String canonical = option.values().stream().filter(v -> v.equalsIgnoreCase(value)).findFirst().orElse(null);
            if (canonical == null) {
                errors.add(new FieldError(path + ".options", "'" + value + "' is not a value of '" + option.name()
                        + "' " + option.values()));
            } else {
                values.put(option.name(), canonical);
            }
        }
        if (!given.isEmpty()) {
            errors.add(new FieldError(path + ".options", "the product has no option named " + given.keySet()));
        }
        return values;
    }

    private static Map<String, String> lowerCase(Map<String, String> values) {
        Map<String, String> lower = new LinkedHashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** Refuses a price given for a whole product (create or update) with the rule a variant's price follows. */
    public static void checkPrice(BigDecimal price, String field) {
        List<FieldError> errors = new ArrayList<>();
        money(price, field, false, errors);
        if (!errors.isEmpty()) {
            throw InvalidInputException.field(field, errors.getFirst().message());
        }
    }

    private static void money(BigDecimal amount, String field, boolean required, List<FieldError> errors) {
        if (amount == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (amount.signum() < 0 || amount.compareTo(MAX_MONEY) > 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must be an amount from 0 with at most 2 decimals"));
        }
    }

    private static BigDecimal scale(BigDecimal amount) {
        return amount == null || amount.stripTrailingZeros().scale() > 2 ? amount : amount.setScale(2);
    }

    static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
