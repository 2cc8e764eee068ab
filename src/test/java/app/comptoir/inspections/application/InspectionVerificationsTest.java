package app.comptoir.inspections.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import app.comptoir.inspections.application.InspectionVerifications.Standing;
import app.comptoir.inspections.domain.Outcome;

/** What the public page reveals of a plate, and how an outcome stands on a given day. */
class InspectionVerificationsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Test
    void aPlateShowsOnlyItsLastTwoCharactersWithItsSeparators() {
        assertThat(InspectionVerifications.maskPlate("AB-123-CD")).isEqualTo("••-•••-CD");
        assertThat(InspectionVerifications.maskPlate("1234 AB 56")).isEqualTo("•••• •• 56");
        assertThat(InspectionVerifications.maskPlate("X")).isEqualTo("X");
        assertThat(InspectionVerifications.maskPlate(null)).isNull();
    }

    @Test
    void aFavourableInspectionIsValidUntilTheEndOfItsLastDay() {
        assertThat(InspectionVerifications.standing(Outcome.FAVOURABLE, TODAY, null, TODAY)).isEqualTo(Standing.VALID);
        assertThat(InspectionVerifications.standing(Outcome.FAVOURABLE, TODAY.minusDays(1), null, TODAY))
                .isEqualTo(Standing.EXPIRED);
    }

    @Test
    void aCounterVisitIsDueUntilItsDeadlineThenOverdue() {
        assertThat(InspectionVerifications.standing(Outcome.COUNTER_VISIT, null, TODAY, TODAY))
                .isEqualTo(Standing.COUNTER_VISIT_DUE);
        assertThat(InspectionVerifications.standing(Outcome.UNFAVOURABLE, null, TODAY.minusDays(1), TODAY))
                .isEqualTo(Standing.COUNTER_VISIT_OVERDUE);
    }
}
