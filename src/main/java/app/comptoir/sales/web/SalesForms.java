package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;

/** How the sales pages read numbers typed the French way and put the services' refusals next to the fields. */
final class SalesForms {

    private SalesForms() {
    }

    /**
     * A decimal typed with a comma or a point, spaces allowed ({@code 1 250,50}); null when empty. A text
     * that is no number is rejected on the field and read as null.
     */
    static BigDecimal number(String typed, String field, BindingResult form) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            form.rejectValue(field, "typeMismatch", "not a number");
            return null;
        }
    }

    /**
     * The usual answer to a posted form: when it reads well, {@code save} (which answers with a redirect); when
     * it does not, or the service refuses a field, the form page again with the errors next to the fields.
     */
    /** A whole number as typed (spaces allowed), or null when it does not read as one. */
    static Integer integer(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.replaceAll("\\s", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String submit(BindingResult form, Supplier<String> save, Supplier<String> page) {
        if (!form.hasErrors()) {
            try {
                return save.get();
            } catch (InvalidInputException e) {
                reject(form, e);
            }
        }
        return page.get();
    }

    /**
     * Rejects each field of the service's refusal on the form. The service names fields as its API does
     * ({@code customer.name}, {@code lines[2].quantity}); a form that has no such path gets the error on its
     * last segment ({@code name}, {@code quantity}).
     */
    static void reject(BindingResult form, InvalidInputException e) {
        for (InvalidInputException.FieldError error : e.errors()) {
            String field = error.field() == null ? "" : error.field();
            FormErrors.reject(form, hasField(form, field) ? field : field.replaceFirst("^.*\\.", ""), error.message());
        }
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
