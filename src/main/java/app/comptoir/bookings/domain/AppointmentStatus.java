package app.comptoir.bookings.domain;

import java.util.List;

/**
 * Where an appointment stands: {@code HELD} while the customer pays online (until its hold expires), then
 * {@code CONFIRMED}; a confirmed appointment ends {@code COMPLETED}, {@code NO_SHOW} or {@code CANCELLED}; a hold
 * not paid in time is {@code EXPIRED}. Only HELD (before its expiry), CONFIRMED and COMPLETED occupy their slot.
 */
public enum AppointmentStatus {
    HELD, CONFIRMED, CANCELLED, NO_SHOW, COMPLETED, EXPIRED;

    /** The statuses this one may move to, in workflow order. */
    public List<AppointmentStatus> next() {
        return switch (this) {
            case HELD -> List.of(CONFIRMED, CANCELLED, EXPIRED);
            case CONFIRMED -> List.of(COMPLETED, NO_SHOW, CANCELLED);
            case CANCELLED, NO_SHOW, COMPLETED, EXPIRED -> List.of();
        };
    }

    public boolean canMoveTo(AppointmentStatus target) {
        return next().contains(target);
    }

    /** Whether the appointment is over one way or another (it does not move any more). */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The statuses of appointments that keep their slot (a HELD one only until its hold expires). */
    public static List<AppointmentStatus> occupying() {
        return List.of(HELD, CONFIRMED, COMPLETED);
    }
}
