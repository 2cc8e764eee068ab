package app.comptoir.bookings.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import app.comptoir.platform.ConflictException;

/**
 * A customer's change refused because the business's cut-off has passed (409 {@code booking-cutoff-passed}), with
 * the deadline, the cut-off in hours and the business's phone, for the customer to call.
 */
public class CutoffPassedException extends ConflictException {

    /** The stable problem type. */
    public static final String TYPE = "booking-cutoff-passed";

    private final Instant deadline;
    private final int hours;
    private final String contactPhone;

    public CutoffPassedException(Instant deadline, int hours, String contactPhone) {
        super(TYPE, "Changes by the customer close " + hours + " hours before the appointment (" + deadline
                + ")" + (contactPhone == null ? "; contact the business" : "; call the business at " + contactPhone));
        this.deadline = deadline;
        this.hours = hours;
        this.contactPhone = contactPhone;
    }

    public Instant deadline() {
        return deadline;
    }

    public int hours() {
        return hours;
    }

    public String contactPhone() {
        return contactPhone;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("deadline", deadline.toString());
        p.put("cutoffHours", hours);
        if (contactPhone != null) {
            p.put("phone", contactPhone);
        }
        return p;
    }
}
