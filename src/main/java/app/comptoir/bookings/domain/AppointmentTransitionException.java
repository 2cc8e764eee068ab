package app.comptoir.bookings.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.comptoir.platform.ConflictException;

/**
 * Refusal of a move the appointment's workflow does not allow (409 {@code appointment-transition}), with the status
 * it is in, the one asked for, and what is allowed from there.
 */
public class AppointmentTransitionException extends ConflictException {

    /** The stable problem type. */
    public static final String TYPE = "appointment-transition";

    private final Map<String, Object> properties;

    public AppointmentTransitionException(String detail, AppointmentStatus from, AppointmentStatus to,
                                          List<AppointmentStatus> allowed) {
        super(TYPE, detail);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", from.name());
        if (to != null) {
            p.put("to", to.name());
        }
        p.put("allowed", allowed.stream().map(Enum::name).toList());
        this.properties = Map.copyOf(p);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
