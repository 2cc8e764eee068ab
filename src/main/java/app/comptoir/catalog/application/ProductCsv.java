package app.comptoir.catalog.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import app.comptoir.catalog.ItemCondition;
import app.comptoir.catalog.ProductStatus;

/**
 * The columns of the product CSV, the same for export and import: one line per variant, the
 * product's own columns repeated on each of its lines (on import, only the first line of a product
 * is read for them).
 */
public final class ProductCsv {

    public static final String SLUG = "slug";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String BRAND = "brand";
    public static final String CATEGORY = "category";
    public static final String TAGS = "tags";
    public static final String STATUS = "status";
    public static final String VAT_RATE = "vat_rate";
    public static final String UNIT = "unit";
    public static final String SKU = "sku";
    public static final String BARCODE = "barcode";
    public static final String PRICE = "price";
    public static final String COMPARE_AT_PRICE = "compare_at_price";
    public static final String COST = "cost";
    public static final String WEIGHT = "weight";
    public static final String ACTIVE = "active";
    /** The second-hand attributes (added after the others, so that older files, without them, still read). */
    public static final String CONDITION = "condition";
    public static final String SIZE = "size";
    public static final String MATERIAL = "material";

    /** Options per product in the file (and in the catalog). */
    public static final int OPTIONS = 3;

    /** Every column, in file order. */
    public static final List<String> COLUMNS = List.of(SLUG, NAME, DESCRIPTION, BRAND, CATEGORY, TAGS, STATUS,
            VAT_RATE, UNIT, optionName(1), optionValue(1), optionName(2), optionValue(2), optionName(3),
            optionValue(3), SKU, BARCODE, PRICE, COMPARE_AT_PRICE, COST, WEIGHT, ACTIVE, CONDITION, SIZE, MATERIAL);

    /** The price columns, whose names in a file say whether they include VAT: {@code price_incl_vat}. */
    private static final List<String> PRICED = List.of(PRICE, COMPARE_AT_PRICE);
    private static final String INCL_VAT = "_incl_vat";
    private static final String EXCL_VAT = "_excl_vat";

    /**
     * Every column in file order as a business names them in its files: the prices say whether they include
     * VAT ({@code price_incl_vat}, {@code compare_at_price_incl_vat}) or not ({@code price_excl_vat}...).
     */
    public static List<String> columns(boolean pricesIncludeVat) {
        return COLUMNS.stream().map(c -> PRICED.contains(c) ? c + (pricesIncludeVat ? INCL_VAT : EXCL_VAT) : c).toList();
    }

    /**
     * The column a file's header names, for a business whose prices include VAT or not: {@code price_incl_vat}
     * (or the plain {@code price} of older files, read in the business's mode) is {@code price}.
     *
     * @throws IllegalArgumentException when the column holds prices in the other mode
     */
    static String column(String header, boolean pricesIncludeVat) {
        for (String priced : PRICED) {
            if (header.equals(priced + (pricesIncludeVat ? INCL_VAT : EXCL_VAT))) {
                return priced;
            }
            if (header.equals(priced + (pricesIncludeVat ? EXCL_VAT : INCL_VAT))) {
                throw new IllegalArgumentException("this business enters its prices " + (pricesIncludeVat
                        ? "including VAT: name the column " + priced + INCL_VAT
                        : "excluding VAT: name the column " + priced + EXCL_VAT)
                        + " with prices in that mode (or change the setting in the business settings)");
            }
        }
        return header;
    }

    /** Separates the levels of a category path ({@code Arrosage > Tuyaux}). */
    public static final String CATEGORY_SEPARATOR = " > ";

    private ProductCsv() {
    }

    public static String optionName(int n) {
        return "option" + n + "_name";
    }

    public static String optionValue(int n) {
        return "option" + n + "_value";
    }

    /** How a decimal is written: plain, with a dot. */
    static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /**
     * A decimal as people type it: {@code 12.5}, {@code 12,50}, {@code 1 234,50}, {@code 1,234.50},
     * {@code 20%}; null when blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    static BigDecimal parseDecimal(String raw) {
        String s = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("€", "");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.replace(',', '.');
        }
        if (!s.matches("-?[0-9]*\\.?[0-9]+")) {
            throw new NumberFormatException(raw);
        }
        return new BigDecimal(s);
    }

    /** {@code true/false}, {@code yes/no}, {@code oui/non}, {@code 1/0}; null when blank. */
    /**
     * A product status as written by an export: the code ({@code ACTIVE}) or its French or English label
     * ({@code En vente}, {@code On sale}), case and accents ignored.
     *
     * @throws IllegalArgumentException when it is none of them
     */
    static ProductStatus parseStatus(String raw) {
        return switch (plain(raw)) {
            case "draft", "brouillon" -> ProductStatus.DRAFT;
            case "active", "en vente", "on sale" -> ProductStatus.ACTIVE;
            case "archived", "archive" -> ProductStatus.ARCHIVED;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    /**
     * A second-hand item's condition as written by an export: the code ({@code VERY_GOOD}) or its French or English
     * label ({@code Très bon état}, {@code Very good}), case and accents ignored.
     *
     * @throws IllegalArgumentException when it is none of them
     */
    static ItemCondition parseCondition(String raw) {
        return ItemCondition.parse(raw).orElseGet(() -> switch (plain(raw)) {
            case "neuf avec etiquette", "new with tags" -> ItemCondition.NEW_WITH_TAGS;
            case "neuf sans etiquette", "new without tags" -> ItemCondition.NEW_WITHOUT_TAGS;
            case "tres bon etat", "very good" -> ItemCondition.VERY_GOOD;
            case "bon etat", "good" -> ItemCondition.GOOD;
            case "satisfaisant", "satisfactory" -> ItemCondition.SATISFACTORY;
            default -> throw new IllegalArgumentException(raw);
        });
    }

    /** The text without accents, case or surrounding spaces. */
    private static String plain(String raw) {
        return java.text.Normalizer.normalize(raw.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    static Boolean parseBoolean(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> null;
            case "true", "yes", "oui", "1", "y", "o", "vrai" -> true;
            case "false", "no", "non", "0", "n", "faux" -> false;
            default -> throw new IllegalArgumentException(raw);
        };
    }
}
