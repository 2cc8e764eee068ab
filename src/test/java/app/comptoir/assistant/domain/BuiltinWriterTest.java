package app.comptoir.assistant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.comptoir.assistant.Language;
import app.comptoir.assistant.Length;
import app.comptoir.assistant.TargetPlatform;
import app.comptoir.assistant.Tone;

/** The built-in writer: what a merchant would notice between languages, lengths, tones and platforms. */
class BuiltinWriterTest {

    private static ProductFacts wateringCan() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("Contenance", List.of("5 L", "10 L"));
        options.put("Couleur", List.of("Vert", "Gris"));
        return new ProductFacts("Arrosoir Jardin", "Verdure", "Arrosage", "pièce", List.of("balcon", "potager"),
                options, Map.of(), new BigDecimal("12.90"), new BigDecimal("18.50"), "EUR");
    }

    private static String write(Tone tone, Length length, Language language) {
        return BuiltinWriter.write(wateringCan(), TargetPlatform.SHOP, tone, length, language);
    }

    @Test
    void theSameFactsAndSettingsAlwaysGiveTheSameText() {
        assertThat(write(Tone.FUN, Length.LONG, Language.FR)).isEqualTo(write(Tone.FUN, Length.LONG, Language.FR));
    }

    @Test
    void itWritesInTheLanguageAskedFor() {
        String french = write(Tone.FRIENDLY, Length.MEDIUM, Language.FR);
        String english = write(Tone.FRIENDLY, Length.MEDIUM, Language.EN);

        assertThat(french).startsWith("Découvrez Arrosoir Jardin de Verdure").contains("Disponible en contenance 5 L ou 10 L")
                .contains("À partir de 12,90").contains("€");
        assertThat(english).startsWith("Meet Arrosoir Jardin by Verdure").contains("Available in contenance 5 L or 10 L")
                .contains("From €12.90");
        assertThat(english).doesNotContain("Découvrez", "Disponible");
    }

    @Test
    void shortIsShorterThanMediumWhichIsShorterThanLong() {
        for (Language language : Language.values()) {
            for (Tone tone : Tone.values()) {
                String shortText = write(tone, Length.SHORT, language);
                String medium = write(tone, Length.MEDIUM, language);
                String longText = write(tone, Length.LONG, language);
                assertThat(shortText.length()).isLessThan(medium.length());
                assertThat(medium.length()).isLessThan(longText.length());
                assertThat(shortText).doesNotContain("\n");
                assertThat(longText).contains("\n- ");
            }
        }
    }

    @Test
    void eachToneHasItsOwnWording() {
        String friendly = write(Tone.FRIENDLY, Length.MEDIUM, Language.FR);
        String formal = write(Tone.FORMAL, Length.MEDIUM, Language.FR);
        String fun = write(Tone.FUN, Length.MEDIUM, Language.FR);

        assertThat(friendly).startsWith("Découvrez").doesNotContain("!");
        assertThat(formal).startsWith("Nous vous présentons").contains("de la marque Verdure").contains("Tarif")
                .doesNotContain("!");
        assertThat(fun).startsWith("Coup de cœur assuré").contains("!");
        assertThat(write(Tone.FORMAL, Length.SHORT, Language.EN)).startsWith("We are pleased to present");
        assertThat(write(Tone.FUN, Length.SHORT, Language.EN)).startsWith("Say hello to").endsWith("!");
    }

    @Test
    void aVariantsDescriptionNamesItsOptionsAndPrice() {
        ProductFacts facts = new ProductFacts("Arrosoir Jardin", null, null, null, List.of(),
                wateringCan().options(), Map.of("Contenance", "10 L", "Couleur", "Gris"), new BigDecimal("18.50"),
                new BigDecimal("18.50"), "EUR");

        String text = BuiltinWriter.write(facts, TargetPlatform.SHOP, Tone.FRIENDLY, Length.MEDIUM, Language.FR);

        assertThat(text).contains("Ce modèle : ").contains("contenance 10 L").contains("couleur Gris")
                .contains("Seulement 18,50").doesNotContain("5 L");
    }

    @Test
    void vintedTextsLeaveThePriceToVintedAndSocialPostsEndWithHashtags() {
        String vinted = BuiltinWriter.write(wateringCan(), TargetPlatform.VINTED, Tone.FRIENDLY, Length.MEDIUM,
                Language.FR);
        String social = BuiltinWriter.write(wateringCan(), TargetPlatform.SOCIAL, Tone.FUN, Length.SHORT, Language.FR);

        assertThat(vinted).doesNotContain("12,90").contains("Envoi rapide");
        assertThat(social).endsWith("#Arrosage #balcon #potager");
    }

    @Test
    void aCurrencyWithoutDecimalsIsWrittenWithout() {
        ProductFacts rice = new ProductFacts("Riz parfumé 25 kg", null, null, null, List.of(), Map.of(), Map.of(),
                new BigDecimal("17500"), new BigDecimal("17500"), "XOF");

        assertThat(BuiltinWriter.write(rice, TargetPlatform.SHOP, Tone.FORMAL, Length.MEDIUM, Language.FR))
                .contains("Tarif : 17").doesNotContain(",00");
    }
}
