package app.comptoir.platform;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (duplicate, illegal transition, last admin). */
public class ConflictException extends ComptoirException {

    public ConflictException(String type, String detail) {
        super(HttpStatus.CONFLICT, type, detail);
    }
}
