package app.comptoir.channels.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.comptoir.channels.application.Listings;
import app.comptoir.platform.Formats;
import app.comptoir.platform.InvalidInputException;

/**
 * The fields of a listing in the pages' forms (new listing, update): read as typed (kept to show again, the numbers
 * read, those that are not numbers as errors), filled from prepared fields, and the service's field errors turned
 * into what the page shows next to each field.
 */
final class ListingFields {

    /** The fields Vinted receives, in the forms' order. */
    static final List<String> NAMES = List.of("title", "description", "price", "catalogId", "statusId", "sizeId",
            "brand", "brandId", "colorIds");

    /**
     * The messages the listing rules write for the id fields themselves; any other message of those fields comes from
     * the mapping tables (a value without a mapping, already in the reader's language) and is shown as it is.
     */
    private static final Set<String> RULE_MESSAGES = Set.of("the Vinted category is required",
            "the condition is required", "at most two Vinted colour ids", "a positive Vinted brand id");
    private static final Set<String> MAPPED = Set.of("catalogId", "statusId", "sizeId", "colorIds");

    /** A form as typed: its cells (stripped), the numbers read, and the cells that are not what they should be. */
    record Typed(Map<String, String> form, BigDecimal price, Long catalogId, Long statusId, Long sizeId, Long brandId,
                 List<Long> colorIds, Map<String, String> errors) {
    }

    private ListingFields() {
    }

    /** Reads the listing's fields and the {@code others} of the form. */
    static Typed read(Map<String, String> params, List<String> others) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : others) {
            String value = params.get(field);
            form.put(field, value == null ? "" : value.strip());
        }
        for (String field : NAMES) {
            String value = params.get(field);
            form.put(field, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal price = decimal(form.get("price"));
        if (price == null && !form.get("price").isEmpty()) {
            errors.put("price", "");
        }
        List<Long> colors = new ArrayList<>();
        for (String part : form.get("colorIds").split("[,; ]+")) {
            if (!part.isBlank()) {
                Long id = number(part);
                if (id == null) {
                    errors.put("colorIds", "");
                } else {
                    colors.add(id);
                }
            }
        }
        if (colors.size() > 2) {
            errors.put("colorIds", "");
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String field : List.of("catalogId", "statusId", "sizeId", "brandId")) {
            Long id = number(form.get(field));
            if (id == null && !form.get(field).isEmpty()) {
                errors.put(field, "");
            }
            ids.put(field, id);
        }
        return new Typed(form, price, ids.get("catalogId"), ids.get("statusId"), ids.get("sizeId"),
                ids.get("brandId"), colors, errors);
    }

    /** Puts the prepared fields into the form where nothing is typed. */
    static void fill(Map<String, String> form, Listings.Draft fields) {
        put(form, "title", fields.title());
        put(form, "description", fields.description());
        put(form, "price", fields.price() == null ? null : fields.price().toPlainString());
        put(form, "catalogId", fields.catalogId());
        put(form, "statusId", fields.statusId());
        put(form, "sizeId", fields.sizeId());
        put(form, "brand", fields.brand());
        put(form, "brandId", fields.brandId());
        put(form, "colorIds", fields.colorIds() == null || fields.colorIds().isEmpty() ? null
                : String.join(", ", fields.colorIds().stream().map(String::valueOf).toList()));
    }

    /**
     * The service's field errors by field, as the page shows them: a mapping's message as it is (it names the value
     * and where to map it), else empty (the page shows the field's own message in the reader's language).
     */
    static Map<String, String> errors(List<InvalidInputException.FieldError> errors) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (InvalidInputException.FieldError error : errors) {
            boolean mapping = MAPPED.contains(error.field()) && !RULE_MESSAGES.contains(error.message());
            shown.putIfAbsent(error.field(), mapping ? error.message() : "");
        }
        return shown;
    }

    private static void put(Map<String, String> form, String field, Object value) {
        String current = form.get(field);
        if ((current == null || current.isBlank()) && value != null) {
            form.put(field, value.toString());
        } else if (current == null) {
            form.put(field, "");
        }
    }

    private static Long number(String value) {
        try {
            long n = value == null || value.isBlank() || value.strip().length() > 15 ? -1 : Long.parseLong(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank() || value.length() > 15) {
            return null;
        }
        try {
            BigDecimal parsed = Formats.parseDecimal(value);
            return parsed == null || parsed.signum() <= 0 ? null : parsed;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
