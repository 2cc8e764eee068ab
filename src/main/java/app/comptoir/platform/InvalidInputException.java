package app.comptoir.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that breaks a rule the annotations cannot express, with the offending fields. */
public class InvalidInputException extends ComptoirException {

    private final List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", detail);
        this.errors = List.copyOf(errors);
    }

    /** One field with one message. */
    public static InvalidInputException field(String field, String message) {
        return new InvalidInputException(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
