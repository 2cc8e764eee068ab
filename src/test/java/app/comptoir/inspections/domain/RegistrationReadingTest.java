package app.comptoir.inspections.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.comptoir.inspections.domain.RegistrationReading.Field;
import app.comptoir.inspections.domain.RegistrationReading.Word;

/** The registration document's fields read out of OCR text, with the noise a phone photo brings. */
class RegistrationReadingTest {

    /** Lines of text, each word with the confidence 0.9 unless written word@confidence (e.g. CLIO@0.4). */
    private static List<List<Word>> lines(String text) {
        List<List<Word>> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines.add(Arrays.stream(line.strip().split("\\s+")).map(w -> {
                int at = w.lastIndexOf('@');
                return at > 0 ? new Word(w.substring(0, at), Double.parseDouble(w.substring(at + 1)))
                        : new Word(w, 0.9);
            }).toList());
        }
        return lines;
    }

    private static Map<String, Field> read(String text) {
        return RegistrationReading.read(lines(text)).stream()
                .collect(Collectors.toMap(Field::code, Function.identity()));
    }

    static Stream<Arguments> oneField() {
        return Stream.of(
                // code, OCR line, expected value, valid
                Arguments.of("A", "A AB-123-CD", "AB-123-CD", true),
                Arguments.of("A", "À ab 123 cd", "AB-123-CD", true),
                Arguments.of("A", "(A) AB-I23-CD", "AB-123-CD", true),
                Arguments.of("A", "A AB-1O3-CD", "AB-103-CD", true),
                Arguments.of("A", "A 1234 AB 56", "1234 AB 56", true),
                Arguments.of("A", "A: AB-123-CD NOISE", "AB-123-CD", true),
                Arguments.of("A", "A AB-12-CD", "AB-12-CD", false),
                Arguments.of("B", "B 15/03/2019", "2019-03-15", true),
                Arguments.of("B", "B 15.03.2019", "2019-03-15", true),
                Arguments.of("B", "B 1S/O3/2019", "1S/O3/2019", false),
                Arguments.of("B", "B 0l/O3/2019", "2019-03-01", true),
                Arguments.of("B", "B 31/02/2019", "31/02/2019", false),
                Arguments.of("D.1", "D.1 RENAULT", "RENAULT", true),
                Arguments.of("D.1", "D1 RENAULT", "RENAULT", true),
                Arguments.of("D.1", "D 1 RENAULT", "RENAULT", true),
                Arguments.of("D.1", "D.l: PEUGEOT", "PEUGEOT", true),
                Arguments.of("D.1", "(D.1) CITROEN", "CITROEN", true),
                Arguments.of("D.3", "D.3 CLIO", "CLIO", true),
                Arguments.of("D.3", "D.2 BH0XYZ D.3 CLIO ESTATE", "CLIO ESTATE", true),
                Arguments.of("E", "E VF1RJA00123456789", "VF1RJA00123456789", true),
                Arguments.of("E", "(E) VFIRJAOO123456789", "VF1RJA00123456789", true),
                Arguments.of("E", "E VF1RJA0012345678", "VF1RJA0012345678", false),
                Arguments.of("E", "E 1HGCM82633A004352", "1HGCM82633A004352", true),
                Arguments.of("E", "E 1HGCM82634A004352", "1HGCM82634A004352", false),
                Arguments.of("J", "J M1", "M1", true),
                Arguments.of("J", "J MI", "M1", true),
                Arguments.of("J", "JM1", "M1", true),
                Arguments.of("J", "J N1 J.1 CTTE", "N1", true),
                Arguments.of("J", "J L3e", "L", true),
                Arguments.of("J", "J N3", "N3", false),
                Arguments.of("J", "J.1 VP", "M1", true),
                Arguments.of("J", "J 1 CTTE", "N1", true),
                Arguments.of("J", "J.1 MTT1", "L", true),
                Arguments.of("J", "J.1 CAM", "CAM", false),
                Arguments.of("P.3", "P.3 GO", "GO", true),
                Arguments.of("P.3", "P3 G0", "GO", true),
                Arguments.of("P.3", "P.1 1461 P.2 81 P.3 ES P.6 5", "ES", true),
                Arguments.of("C.1", "C.1 DUPONT JEAN", "DUPONT JEAN", true),
                Arguments.of("C.1", "C1 MARTIN A", "MARTIN A", true),
                Arguments.of("C.1", "C.I SARL GARAGE DU CENTRE", "SARL GARAGE DU CENTRE", true));
    }

    @ParameterizedTest(name = "{1} -> {0} = {2}")
    @MethodSource
    void oneField(String code, String line, String value, boolean valid) {
        Field field = read(line).get(code);

        assertThat(field).as(line).isNotNull();
        assertThat(field.value()).isEqualTo(value);
        assertThat(field.valid()).isEqualTo(valid);
        assertThat(field.name()).isEqualTo(RegistrationReading.NAMES.get(code));
        assertThat(field.problem() == null).isEqualTo(valid);
    }

    @Test
    void aWholeDocumentGivesEveryFieldInTheFormsOrderWithTheRawTextAndTheConfidenceOfItsWords() {
        List<Field> fields = RegistrationReading.read(lines("""
                CERTIFICAT D'IMMATRICULATION
                A AB-123-CD B 15/03/2019
                C.1 DUPONT@0.8 JEAN@0.6
                C.3 12 RUE DES LILAS 69003 LYON
                D.1 RENAULT D.2 BH0XYZ
                D.3 CLIO
                E VF1RJA00123456789@0.7
                F.1 1500 G 1200
                J M1 J.1 VP J.2 AB
                P.1 1461 P.3 GO
                """));

        assertThat(fields).extracting(Field::name).containsExactly("plate", "vin", "brand", "model", "category",
                "fuel", "firstRegisteredOn", "ownerName");
        assertThat(fields).allMatch(Field::valid);
        Field owner = fields.getLast();
        assertThat(owner.value()).isEqualTo("DUPONT JEAN");
        assertThat(owner.confidence()).isEqualTo(0.7);
        assertThat(fields.get(1).raw()).isEqualTo("VF1RJA00123456789");
        assertThat(fields.get(1).confidence()).isEqualTo(0.7);
    }

    @Test
    void aFieldReadTwiceKeepsTheReadingThatValidates() {
        Map<String, Field> fields = read("""
                E VF1RJA001234@0.99
                E VF1RJA00123456789@0.5
                """);

        assertThat(fields.get("E").value()).isEqualTo("VF1RJA00123456789");
        assertThat(fields.get("E").confidence()).isEqualTo(0.5);
    }

    @Test
    void aCorrectedPlateIsLessCertainThanTheWordsItCameFrom() {
        Field plate = read("A AB-I23-CD@0.9").get("A");

        assertThat(plate.value()).isEqualTo("AB-123-CD");
        assertThat(plate.confidence()).isLessThan(0.9);
    }

    @Test
    void bareLettersInsideAValueAreNoLabelsAndTextWithoutLabelsGivesNothing() {
        assertThat(read("C.1 MARTIN E DUPONT").get("C.1").value()).isEqualTo("MARTIN E DUPONT");
        assertThat(RegistrationReading.read(lines("""
                REPUBLIQUE FRANCAISE
                Ceci est un texte quelconque
                """))).isEmpty();
        assertThat(RegistrationReading.read(List.of())).isEmpty();
    }

    @Test
    void labelsAreRecognisedThroughTheirUsualMisreadings() {
        assertThat(RegistrationReading.label("D.1")).isEqualTo("D.1");
        assertThat(RegistrationReading.label("D1")).isEqualTo("D.1");
        assertThat(RegistrationReading.label("d,1")).isEqualTo("D.1");
        assertThat(RegistrationReading.label("(E)")).isEqualTo("E");
        assertThat(RegistrationReading.label("P.3:")).isEqualTo("P.3");
        assertThat(RegistrationReading.label("C.l")).isEqualTo("C.1");
        assertThat(RegistrationReading.label("RENAULT")).isNull();
        assertThat(RegistrationReading.label("15/03/2019")).isNull();
    }
}
