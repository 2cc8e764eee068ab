package app.comptoir.platform;

import org.springframework.http.HttpStatus;

/** Credentials or tokens that do not prove who the caller is. */
public class UnauthorizedException extends ComptoirException {

    public UnauthorizedException(String type, String detail) {
        super(HttpStatus.UNAUTHORIZED, type, detail);
    }
}
