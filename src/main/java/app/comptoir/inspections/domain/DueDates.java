package app.comptoir.inspections.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a vehicle is next due at the centre: a pending counter-visit's deadline; else the end of its last favourable
 * inspection's validity; else, for a vehicle never inspected here, the fourth anniversary of its first registration
 * (the first periodic inspection of cars and light commercial vehicles in France). Unknown without any of these.
 */
public final class DueDates {

    /** The years after first registration when the first inspection is due. */
    public static final int FIRST_INSPECTION_YEARS = 4;

    /** What is known of the vehicle's last completed inspection. */
    public record Last(Outcome outcome, LocalDate counterVisitBefore, LocalDate validUntil) {
    }

    private DueDates() {
    }

    /** The next due date, and whether it is a counter-visit's deadline. */
    public record Due(LocalDate on, boolean counterVisit) {
    }

    /** The vehicle's next due date from its first registration and its last completed inspection, if any. */
    public static Optional<Due> next(LocalDate firstRegisteredOn, Last last) {
        if (last != null && last.outcome() != Outcome.FAVOURABLE && last.counterVisitBefore() != null) {
            return Optional.of(new Due(last.counterVisitBefore(), true));
        }
        if (last != null && last.validUntil() != null) {
            return Optional.of(new Due(last.validUntil(), false));
        }
        if (firstRegisteredOn != null) {
            return Optional.of(new Due(firstRegisteredOn.plusYears(FIRST_INSPECTION_YEARS), false));
        }
        return Optional.empty();
    }
}
