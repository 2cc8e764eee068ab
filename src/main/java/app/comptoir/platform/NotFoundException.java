package app.comptoir.platform;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist in the caller's tenant (or is deleted). */
public class NotFoundException extends ComptoirException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " was not found");
    }
}
