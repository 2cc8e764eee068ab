package app.comptoir.sales.domain;

import app.comptoir.platform.ConflictException;

/**
 * A policy's answer: allowed, or refused with the stable problem type and the text the API reports. Policies
 * answer instead of throwing so that the caller chooses the outcome (a 409 from the aggregate, a 403 from a
 * service for access rules) while the rule itself stays pure.
 */
public record Decision(boolean allowed, String problem, String reason) {

    private static final Decision ALLOWED = new Decision(true, null, null);

    public static Decision allow() {
        return ALLOWED;
    }

    public static Decision refuse(String problem, String reason) {
        return new Decision(false, problem, reason);
    }

    /** Throws the refusal as a 409 with its problem type. */
    public void orConflict() {
        if (!allowed) {
            throw new ConflictException(problem, reason);
        }
    }
}
