package app.comptoir.identity.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** A 423 {@code business-suspended}: the operator of the service suspended this business. */
public class BusinessSuspendedException extends ComptoirException {

    /** The detail every refusal of a suspended business's staff carries. */
    public static final String DETAIL = "This business is suspended by the operator of the service; contact them to reopen it";

    public BusinessSuspendedException() {
        super(HttpStatus.LOCKED, "business-suspended", DETAIL);
    }
}
