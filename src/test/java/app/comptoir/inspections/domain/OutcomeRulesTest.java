package app.comptoir.inspections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'OK',                        FAVOURABLE,    , 2028-12-07",
            "'OK MINOR MINOR',            FAVOURABLE,    , 2028-12-07",
            "'OK MAJOR',                  COUNTER_VISIT, 2027-02-07, ",
            "'MINOR MAJOR MAJOR',         COUNTER_VISIT, 2027-02-07, ",
            "'OK CRITICAL',               UNFAVOURABLE,  2027-02-07, ",
            "'MAJOR CRITICAL MINOR OK',   UNFAVOURABLE,  2027-02-07, "})
    void theWorstGradeDecidesTheOutcomeAndItsDates(String grades, Outcome outcome, LocalDate before, LocalDate valid) {
        List<Grade> list = Arrays.stream(grades.split(" ")).map(Grade::valueOf).toList();

        OutcomeRules.Decision decision = OutcomeRules.decide(list, DAY, DAY);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.counterVisitBefore()).isEqualTo(before);
        assertThat(decision.validUntil()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"2026-10-15, 2028-10-15", "2026-12-07, 2028-12-07"})
    void aFavourableCounterVisitIsValidFromTheFirstVisit(LocalDate firstVisit, LocalDate validUntil) {
        assertThat(OutcomeRules.decide(List.of(Grade.OK), DAY, firstVisit).validUntil()).isEqualTo(validUntil);
    }
}
