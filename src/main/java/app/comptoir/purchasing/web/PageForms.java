package app.comptoir.purchasing.web;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

import app.comptoir.platform.FormErrors;
import app.comptoir.platform.Formats;
import app.comptoir.platform.InvalidInputException;

/** How the purchasing pages read numbers typed the French way and put the services' refusals next to the fields. */
final class PageForms {

    private PageForms() {
    }

    /** A decimal typed with a comma or a point, spaces allowed ({@code 1 250,50}); null when empty or no number. */
    static BigDecimal number(String typed, String field, BindingResult form) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Formats.parseDecimal(typed);
        } catch (NumberFormatException e) {
            if (form != null) {
                form.rejectValue(field, "typeMismatch", "not a number");
            }
            return null;
        }
    }

    /** A whole number as typed (spaces allowed), or null when it does not read as one. */
    static Integer integer(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.replaceAll("[\\s\u00a0\u202f]", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Saves when the form reads well; otherwise, or when the service refuses a field, the page with the errors. */
    static String submit(BindingResult form, Supplier<String> save, Supplier<String> page) {
        if (!form.hasErrors()) {
            try {
                return save.get();
            } catch (InvalidInputException e) {
                for (InvalidInputException.FieldError error : e.errors()) {
                    String field = error.field() == null ? "" : error.field();
                    FormErrors.reject(form, hasField(form, field) ? field : field.replaceFirst("^.*\\.", ""),
                            error.message());
                }
            }
        }
        return page.get();
    }

    private static boolean hasField(BindingResult form, String field) {
        try {
            form.getRawFieldValue(field);
            return !field.isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
