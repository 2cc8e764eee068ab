package app.comptoir.channels.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mappings every business starts with on Vinted, used for a value the business has not mapped itself:
 * conditions (Vinted's {@code status_id}) and common colours (its {@code color_ids}). The ids are Vinted's as its
 * web API answers them at the time of writing; a business overrides any of them in its own table.
 */
public final class VintedDefaults {

    /** Our condition names → Vinted's status ids. */
    public static final Map<String, Long> CONDITIONS = Map.of(
            "NEW_WITH_TAGS", 6L, "NEW_WITHOUT_TAGS", 1L, "VERY_GOOD", 2L, "GOOD", 3L, "SATISFACTORY", 4L);

    /** Common colour names (French, as the demo's "Couleur" option says them) → Vinted's colour ids. */
    public static final Map<String, Long> COLOURS;

    static {
        Map<String, Long> colours = new LinkedHashMap<>();
        colours.put("Noir", 1L);
        colours.put("Marron", 2L);
        colours.put("Gris", 3L);
        colours.put("Beige", 4L);
        colours.put("Rose", 5L);
        colours.put("Violet", 6L);
        colours.put("Rouge", 7L);
        colours.put("Jaune", 8L);
        colours.put("Bleu", 9L);
        colours.put("Vert", 10L);
        colours.put("Orange", 11L);
        colours.put("Blanc", 12L);
        colours.put("Argenté", 13L);
        colours.put("Doré", 14L);
        colours.put("Multicolore", 15L);
        colours.put("Kaki", 16L);
        colours.put("Bordeaux", 23L);
        colours.put("Bleu marine", 27L);
        COLOURS = java.util.Collections.unmodifiableMap(colours);
    }

    private VintedDefaults() {
    }

    /** The built-in rows of a kind (empty for kinds without defaults). */
    public static Map<String, Long> of(MappingKind kind) {
        return switch (kind) {
            case CONDITION -> CONDITIONS;
            case COLOUR -> COLOURS;
            default -> Map.of();
        };
    }
}
