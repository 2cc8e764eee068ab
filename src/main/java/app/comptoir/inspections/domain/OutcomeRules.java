package app.comptoir.inspections.domain;

import java.time.LocalDate;
import java.util.Collection;

/**
 * What the grades of an inspection decide, in one place. Any critical defect: unfavourable, a counter-visit within
 * two months and the vehicle restricted to the day of the inspection. Else any major defect: a counter-visit within
 * two months. Else (OK and minor defects only): favourable, valid two years. A favourable counter-visit is valid two
 * years from the inspection it follows (the regulation counts from the first visit), not from its own day.
 */
public final class OutcomeRules {

    /** How long a counter-visit may wait after the inspection that asked for it. */
    public static final int COUNTER_VISIT_MONTHS = 2;
    /** How long a favourable inspection is valid. */
    public static final int VALIDITY_YEARS = 2;

    /** The outcome and its dates. */
    public record Decision(Outcome outcome, LocalDate counterVisitBefore, LocalDate validUntil) {
    }

    private OutcomeRules() {
    }

    /** The outcome of these grades for an inspection on {@code day}; {@code validFrom} is the day validity counts from. */
    public static Decision decide(Collection<Grade> grades, LocalDate day, LocalDate validFrom) {
        if (grades.contains(Grade.CRITICAL)) {
            return new Decision(Outcome.UNFAVOURABLE, day.plusMonths(COUNTER_VISIT_MONTHS), null);
        }
        if (grades.contains(Grade.MAJOR)) {
            return new Decision(Outcome.COUNTER_VISIT, day.plusMonths(COUNTER_VISIT_MONTHS), null);
        }
        return new Decision(Outcome.FAVOURABLE, null, validFrom.plusYears(VALIDITY_YEARS));
    }
}
