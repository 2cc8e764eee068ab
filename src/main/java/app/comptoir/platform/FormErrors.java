package app.comptoir.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Puts the field errors of an {@link InvalidInputException} into a form's {@link BindingResult}, so
 * pages show them next to the fields, in the user's language.
 *
 * <p>Services speak English ({@code must be at least 10 characters long}); each error is offered to
 * the message bundles under three codes, most specific first: {@code invalid.<field>.<message-slug>},
 * {@code invalid.<message-slug>} and {@code invalid.<field>}, with the service's text as last resort.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Rejects each field of the exception on the form. */
    public static void reject(BindingResult form, InvalidInputException e) {
        for (InvalidInputException.FieldError error : e.errors()) {
            reject(form, error.field(), error.message());
        }
    }

    /** Rejects one field of the form with a service message (a field the form lacks becomes a global error). */
    public static void reject(BindingResult form, String field, String message) {
        String slug = slug(message);
        String[] codes = {"invalid." + field + "." + slug, "invalid." + slug, "invalid." + field};
        Object rejected = rejectedValue(form, field);
        if (rejected == NOT_A_FIELD) {
            form.reject(codes[1], null, field + ": " + message);
        } else {
            form.addError(new FieldError(form.getObjectName(), field, rejected, false, codes, null, message));
        }
    }

    /**
     * A service's message about a field in the reader's language, looked up under the same codes as a form's
     * errors (for a page that lists errors rather than a form, such as an import report); the service's text as
     * last resort.
     */
    public static String message(MessageSource messages, String field, String message, Locale locale) {
        String slug = slug(message);
        String[] codes = field == null ? new String[] {"invalid." + slug}
                : new String[] {"invalid." + field + "." + slug, "invalid." + slug, "invalid." + field};
        for (String code : codes) {
            String text = messages.getMessage(code, null, null, locale);
            if (text != null) {
                return text;
            }
        }
        return message;
    }

    private static final Object NOT_A_FIELD = new Object();

    private static Object rejectedValue(BindingResult form, String field) {
        try {
            return form.getRawFieldValue(field);
        } catch (RuntimeException e) {
            return NOT_A_FIELD;
        }
    }

    static String slug(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }
}
