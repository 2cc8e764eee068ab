package app.comptoir.inspections.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class InspectionTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @Test
    void eachCategoryHasItsChecklistGroupedInTheRegulationsOrder() {
        assertThat(Checklists.of(VehicleCategory.M1)).hasSize(33).extracting(ControlPoint::code).doesNotContain("6.3");
        assertThat(Checklists.of(VehicleCategory.N1)).hasSize(34).extracting(ControlPoint::code).contains("6.3");
        assertThat(Checklists.of(VehicleCategory.L)).extracting(ControlPoint::code)
                .doesNotContain("1.3", "3.1", "7.1", "7.4");
        assertThat(Checklists.of(VehicleCategory.M1)).extracting(p -> p.function().ordinal()).isSorted();
    }

    @Test
    void aCounterVisitChecksOnlyTheFailedPointsAndOnlyWithinTwoMonths() {
        Inspection first = failedOn("5.1", "1.4");

        Inspection counter = Inspection.startCounterVisit(first, UUID.randomUUID(), null, Inspection.Crew.NONE, AT,
                DAY.plusMonths(2));

        assertThat(counter.state().kind()).isEqualTo(InspectionKind.COUNTER_VISIT);
        assertThat(counter.state().points()).extracting(PointResult::code).containsExactly("1.4", "5.1");
        assertThat(counter.state().points()).allMatch(p -> p.grade() == null);
        assertThatThrownBy(() -> Inspection.startCounterVisit(first, UUID.randomUUID(), null, Inspection.Crew.NONE,
                AT, DAY.plusMonths(2).plusDays(1))).isInstanceOf(InspectionRefusedException.class)
                .hasMessageContaining("full inspection");
    }

    @Test
    void aFavourableInspectionHasNoCounterVisit() {
        Inspection ok = graded(null);
        assertThatThrownBy(() -> Inspection.startCounterVisit(ok, UUID.randomUUID(), null, Inspection.Crew.NONE, AT,
                DAY)).isInstanceOf(InspectionRefusedException.class);
    }

    @Test
    void completingNeedsEveryPointAndTheOdometerAndThenNothingChanges() {
        Inspection inspection = start();
        inspection.grade("1.1", Grade.OK, null, null, AT, null);

        assertThatThrownBy(() -> inspection.complete(null, AT, DAY, DAY, "PV-1", "CODE"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .contains("points.1.2", "odometerKm").doesNotContain("points.1.1").hasSize(33));
        assertThatThrownBy(() -> inspection.grade("5.1", Grade.MAJOR, " ", null, AT, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comment");
    }

    private static Inspection start() {
        return Inspection.startPeriodic(TENANT, UUID.randomUUID(), UUID.randomUUID(), null, VehicleCategory.M1,
                Inspection.Crew.NONE, AT);
    }

    private static Inspection failedOn(String... codes) {
        Inspection inspection = graded(java.util.Set.of(codes));
        assertThat(inspection.state().outcome()).isEqualTo(Outcome.COUNTER_VISIT);
        return inspection;
    }

    private static Inspection graded(java.util.Set<String> major) {
        Inspection inspection = start();
        for (PointResult p : inspection.state().points()) {
            boolean fails = major != null && major.contains(p.code());
            inspection.grade(p.code(), fails ? Grade.MAJOR : Grade.OK, fails ? "usé" : null, null, AT, null);
        }
        inspection.complete(50_000, AT, DAY, DAY, "PV-2026-000001", "ABCDEFGHJKLMNPQR");
        return inspection;
    }
}
