package app.comptoir.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import app.comptoir.bookings.VehiclePlate;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class CustomerRulesTest {

    @Test
    void frenchPlatesInBothFormatsAreKeptInTheirOfficialSpelling() {
        assertThat(VehiclePlate.normalize("ab123cd")).contains("AB-123-CD");
        assertThat(VehiclePlate.normalize(" AB 123 CD ")).contains("AB-123-CD");
        assertThat(VehiclePlate.normalize("AB-123-CD")).contains("AB-123-CD");
        assertThat(VehiclePlate.normalize("1234 ab 56")).contains("1234 AB 56");
        assertThat(VehiclePlate.normalize("123-ABC-2A")).contains("123 ABC 2A");
        assertThat(VehiclePlate.normalize("45 A 974")).contains("45 A 974");
    }

    @Test
    void whatIsNoFrenchPlateIsRefused() {
        assertThat(VehiclePlate.normalize("AI-123-CD")).isEmpty(); // no I
        assertThat(VehiclePlate.normalize("AB-000-CD")).isEmpty();
        assertThat(VehiclePlate.normalize("SS-123-CD")).isEmpty();
        assertThat(VehiclePlate.normalize("AB-1234-CD")).isEmpty();
        assertThat(VehiclePlate.normalize("1234 AB 99")).isEmpty(); // no such département
        assertThat(VehiclePlate.normalize("hello")).isEmpty();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> CustomerRules.check(new CustomerRules.Input(" ", "12", "not-an-email", "XYZ", "Q"),
                List.of("M1", "N1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("customerName", "phone", "email", "vehiclePlate", "vehicleCategory"));
    }

    @Test
    void aServiceWithoutCategoriesNeedsNoPlateAndOneCategoryNeedsNoChoice() {
        Customer plain = CustomerRules.check(new CustomerRules.Input("Léa Martin", "+33 6 12 34 56 78", null, null,
                null), List.of());
        assertThat(plain.vehiclePlate()).isNull();
        assertThat(plain.phone()).isEqualTo("+33 6 12 34 56 78");

        Customer car = CustomerRules.check(new CustomerRules.Input("Léa", "0612345678", "lea@example.test",
                "ab-123-cd", null), List.of("M1"));
        assertThat(car.vehiclePlate()).isEqualTo("AB-123-CD");
        assertThat(car.vehicleCategory()).isEqualTo("M1");

        assertThatThrownBy(() -> CustomerRules.check(new CustomerRules.Input("Léa", "0612345678", null, null, "n1"),
                List.of("M1", "N1"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("vehiclePlate"));
    }

    @Test
    void weeklyHoursRefuseOverlapsAndBackwardIntervalsNamingTheEntry() {
        assertThatThrownBy(() -> WeeklyHours.check(List.of(
                new WeeklyHours.Entry(1, "08:00", "12:00"),
                new WeeklyHours.Entry(1, "11:00", "14:00"),
                new WeeklyHours.Entry(2, "18:00", "09:00"),
                new WeeklyHours.Entry(8, "8h", "10:00"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("hours[1].opensAt", "hours[2].closesAt", "hours[3].weekday",
                                "hours[3].opensAt"));
        WeeklyHours ok = WeeklyHours.check(List.of(new WeeklyHours.Entry(1, "13:30", "18:00"),
                new WeeklyHours.Entry(1, "08:00", "12:00")));
        assertThat(ok.on(java.time.DayOfWeek.MONDAY)).extracting(i -> i.opens().toString())
                .containsExactly("08:00", "13:30");
    }
}
