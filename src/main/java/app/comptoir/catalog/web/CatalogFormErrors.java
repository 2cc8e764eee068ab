package app.comptoir.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import app.comptoir.platform.InvalidInputException;

/**
 * Puts the catalog's field errors on a page's form, in the reader's language. Like the platform's
 * {@code FormErrors}, but for the catalog's messages, which name what is wrong ({@code 'POT-S' is used by
 * another variant of this product}) and its rows ({@code variants[3].sku}): the quoted values become
 * message arguments, and the codes leave the row number out, so one French text serves every row.
 *
 * <p>Codes, most specific first: {@code catalog.invalid.<field>.<slug>}, {@code catalog.invalid.<slug>},
 * {@code catalog.invalid.<field>}, where {@code <field>} is the path without indexes ({@code variants.sku})
 * and the slug is the message without what it quotes;
 * the service's English text is the last resort.
 */
final class CatalogFormErrors {

    /** What a message quotes: 'a value', [a list], {a map} or (a remark); each becomes an argument. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\\[([^\\]]*)]|\\{([^}]*)}|\\(([^)]*)\\)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private CatalogFormErrors() {
    }

    /** Rejects every field of the exception on the form. */
    static void reject(BindingResult form, InvalidInputException e) {
        for (InvalidInputException.FieldError error : e.errors()) {
            reject(form, error.field(), error.message());
        }
    }

    /** Rejects one field with a catalog message; a field the form does not have becomes a global error. */
    static void reject(BindingResult form, String serviceField, String message) {
        String field = formField(serviceField);
        DefaultMessageSourceResolvable text = message(field, message);
        if (!hasField(form, field)) {
            form.reject(text.getCodes()[1], text.getArguments(), message);
            return;
        }
        form.addError(new FieldError(form.getObjectName(), field, form.getRawFieldValue(field), false,
                text.getCodes(), text.getArguments(), message));
    }

    /** The message for a service's error on a field, with the service's text as default. */
    static DefaultMessageSourceResolvable message(String field, String message) {
        List<Object> arguments = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(message == null ? "" : message);
        StringBuilder bare = new StringBuilder();
        while (quoted.find()) {
            String value = quoted.group(1);
            for (int group = 2; value == null && group <= quoted.groupCount(); group++) {
                value = quoted.group(group);
            }
            arguments.add(value);
            quoted.appendReplacement(bare, " ");
        }
        quoted.appendTail(bare);
        String slug = slug(bare.toString());
        String generic = INDEX.matcher(field).replaceAll("");
        String[] codes = {"catalog.invalid." + generic + "." + slug, "catalog.invalid." + slug,
                "catalog.invalid." + generic};
        return new DefaultMessageSourceResolvable(codes, arguments.toArray(), message);
    }

    /** The form's name of a service field: a variant's option values are its {@code values} list. */
    static String formField(String serviceField) {
        if (serviceField == null) {
            return "";
        }
        return serviceField.replaceFirst("^secondHand\\.", "").replaceFirst("^(variants\\[\\d+])\\.options$", "$1.values")
                .replaceFirst("^(variants\\[\\d+])\\.id$", "$1.sku")
                .replaceFirst("^(variants\\[\\d+])$", "$1.sku");
    }

    private static boolean hasField(BindingResult form, String field) {
        if (field.isEmpty()) {
            return false;
        }
        try {
            form.getRawFieldValue(field);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String slug(String message) {
        return message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
