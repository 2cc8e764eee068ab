package app.comptoir.inspections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VinTest {

    @ParameterizedTest
    @CsvSource({
            "VF1RJA00123456789, VF1RJA00123456789",   // European: no check digit
            "vf1rja00123456789, VF1RJA00123456789",
            "'WVW ZZZ 1J Z 3W 386752', WVWZZZ1JZ3W386752",
            "1M8GDM9AXKP042788, 1M8GDM9AXKP042788",   // North American, check digit X
            "11111111111111111, 11111111111111111"})
    void validVinsComeBackInCapitalsWithoutSpaces(String typed, String expected) {
        assertThat(Vin.normalize(typed)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "VF1RJA0012345678", "VF1RJA001234567890", "VF1RJA0012345678I", "VF1OJA00123456789",
            "1M8GDM9A1KP042788", "VF1RJA00123456*89"})
    void wrongVinsAreRefused(String typed) {
        assertThat(Vin.normalize(typed)).isEmpty();
    }
}
