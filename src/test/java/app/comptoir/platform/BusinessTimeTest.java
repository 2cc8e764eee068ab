package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The month a monthly quota counts is the business's own: it starts at midnight of the 1st in its time zone. */
class BusinessTimeTest {

    private static BusinessTime at(String zone, String today) {
        return new BusinessTime() {
            @Override
            public ZoneId zone() {
                return ZoneId.of(zone);
            }

            @Override
            public LocalDate today() {
                return LocalDate.parse(today);
            }
        };
    }

    @Test
    void theMonthStartsAtMidnightOfTheFirstInTheBusinessZone() {
        assertThat(at("Pacific/Auckland", "2026-12-01").monthStart()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(at("Europe/Paris", "2026-12-31").monthStart()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(at("America/Martinique", "2026-07-15").monthStart()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
    }
}
