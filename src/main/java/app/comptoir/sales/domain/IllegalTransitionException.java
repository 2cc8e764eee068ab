package app.comptoir.sales.domain;

import java.util.List;
import java.util.Map;

import app.comptoir.platform.ConflictException;

/** Refusal of a status change the workflow does not allow (409 {@code illegal-transition}), naming what is allowed. */
public class IllegalTransitionException extends ConflictException {

    private final String from;
    private final String to;
    private final List<String> allowed;

    public IllegalTransitionException(String what, Enum<?> from, Enum<?> to, List<? extends Enum<?>> allowed) {
        super("illegal-transition", what + " cannot go from " + from + " to " + to + (allowed.isEmpty()
                ? " (" + from + " is final)" : " (allowed: " + String.join(", ", allowed.stream().map(Enum::name).toList()) + ")"));
        this.from = from.name();
        this.to = to.name();
        this.allowed = allowed.stream().map(Enum::name).toList();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("from", from, "to", to, "allowed", allowed);
    }
}
