package app.comptoir.channels.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds a listing's marketplace fields from what the catalog says of an item, through the business's mappings and
 * pricing rule, and names every field that cannot be filled and why (a value without a mapping), all at once.
 */
public final class ListingPreparation {

    /** What the catalog says of the item (text values as the business typed them; nulls when unknown). */
    public record Facts(String name, String description, String categoryId, String categoryName, String brand,
                        String condition, String size, String material, String colour, BigDecimal price) {
    }

    /** A field that could not be filled: the field, what is missing, and our value that has no mapping. */
    public record Gap(String field, MappingKind kind, String value) {
    }

    /** The fields as prepared (null when not known) and the gaps. */
    public record Prepared(String title, String description, BigDecimal price, Long catalogId, Long statusId,
                           String brand, Long brandId, Long sizeId, List<Long> colorIds, List<Gap> gaps) {
    }

    private static final int TITLE_MAX = 100;

    private ListingPreparation() {
    }

    public static Prepared prepare(Facts facts, MappingTable mappings, PricingRule pricing) {
        List<Gap> gaps = new ArrayList<>();
        Long catalogId = null;
        if (facts.categoryId() == null) {
            gaps.add(new Gap("catalogId", MappingKind.CATEGORY, null));
        } else {
            catalogId = mappings.find(MappingKind.CATEGORY, facts.categoryId(), "").orElse(null);
            if (catalogId == null) {
                gaps.add(new Gap("catalogId", MappingKind.CATEGORY, facts.categoryName()));
            }
        }
        Long statusId = null;
        if (facts.condition() == null) {
            gaps.add(new Gap("statusId", MappingKind.CONDITION, null));
        } else {
            statusId = mappings.find(MappingKind.CONDITION, facts.condition(), "").orElse(null);
            if (statusId == null) {
                gaps.add(new Gap("statusId", MappingKind.CONDITION, facts.condition()));
            }
        }
        Long sizeId = null;
        if (facts.size() != null && !facts.size().isBlank()) {
            sizeId = mappings.find(MappingKind.SIZE, facts.size(), facts.categoryId()).orElse(null);
            if (sizeId == null) {
                gaps.add(new Gap("sizeId", MappingKind.SIZE, facts.size()));
            }
        }
        List<Long> colours = List.of();
        if (facts.colour() != null && !facts.colour().isBlank()) {
            Long colour = mappings.find(MappingKind.COLOUR, facts.colour(), "").orElse(null);
            if (colour == null) {
                gaps.add(new Gap("colorIds", MappingKind.COLOUR, facts.colour()));
            } else {
                colours = List.of(colour);
            }
        }
        // A brand without a mapping still goes as text: the marketplace matches it or shows it as typed.
        Long brandId = mappings.find(MappingKind.BRAND, facts.brand(), "").orElse(null);
        BigDecimal price = facts.price() == null ? null : pricing.apply(facts.price());
        return new Prepared(title(facts), description(facts), price, catalogId, statusId, blankToNull(facts.brand()),
                brandId, sizeId, colours, List.copyOf(gaps));
    }

    /**
     * The item's name without what the attributes now say: a trailing "- Taille M", "(bon état)" or "| 38" that
     * repeats the size, condition or material is left out, spaces collapsed, at most 100 characters.
     */
    public static String title(Facts facts) {
        String title = facts.name() == null ? "" : facts.name().strip();
        List<String> noise = new ArrayList<>();
        for (String value : new String[] {facts.size(), facts.material(), facts.condition()}) {
            if (value != null && !value.isBlank()) {
                noise.add(value.strip().replace('_', ' ').toLowerCase(Locale.ROOT));
            }
        }
        if (!noise.isEmpty()) {
            StringBuilder kept = new StringBuilder();
            for (String part : title.split("\\s*[()|]\\s*|\\s+[-/–]\\s+")) {
                String p = part.strip();
                String bare = p.toLowerCase(Locale.ROOT).replaceFirst("^(taille|t\\.?|size)\\s*", "").strip();
                if (p.isEmpty() || noise.contains(bare) || noise.contains(p.toLowerCase(Locale.ROOT))
                        || CONDITION_WORDS.matcher(p).matches()) {
                    continue;
                }
                kept.append(kept.isEmpty() ? "" : " ").append(p);
            }
            if (!kept.isEmpty()) {
                title = kept.toString();
            }
        }
        if (facts.size() != null && !facts.size().isBlank()) {
            // "Pull cachemire Uniqlo M", "Robe fleurie taille 38", "Trench T38", "Baskets pointure 39"
            String stripped = title.replaceFirst("(?iu)\\s+(?:taille\\s+|pointure\\s+|t\\.?\\s?)?"
                    + Pattern.quote(facts.size().strip()) + "$", "");
            if (stripped.length() >= 5) {
                title = stripped;
            }
        }
        title = title.replaceAll("\\s+", " ").strip();
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX).strip() : title;
    }

    private static final Pattern CONDITION_WORDS = Pattern.compile(
            "(?i)(neuf avec [ée]tiquettes?|neuf sans [ée]tiquettes?|tr[èe]s bon [ée]tat|bon [ée]tat|satisfaisant)");

    private static String description(Facts facts) {
        String text = blankToNull(facts.description());
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
