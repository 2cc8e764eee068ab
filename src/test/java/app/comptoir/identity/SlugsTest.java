package app.comptoir.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void accentsAreDroppedAndWordsJoinedWithDashes() {
        assertThat(Slugs.of("Café de la Gare")).isEqualTo("cafe-de-la-gare");
        assertThat(Slugs.of("Élodie & Fils")).isEqualTo("elodie-fils");
    }

    @Test
    void lettersWithoutAccentsToDropAreSpeltOut() {
        assertThat(Slugs.of("Blumen Straße")).isEqualTo("blumen-strasse");
        assertThat(Slugs.of("Cœur de Bœuf")).isEqualTo("coeur-de-boeuf");
    }

    @Test
    void punctuationAndSurroundingSpacesDisappear() {
        assertThat(Slugs.of("  L'Atelier — Couture & Co!  ")).isEqualTo("l-atelier-couture-co");
        assertThat(Slugs.of("--Boutique   Awa--")).isEqualTo("boutique-awa");
    }

    @Test
    void aNameWithoutLatinLettersOrDigitsGetsADefaultSlug() {
        assertThat(Slugs.of("東京")).isEqualTo("commerce");
        assertThat(Slugs.of("  !!  ")).isEqualTo("commerce");
        assertThat(Slugs.of(null)).isEqualTo("commerce");
    }

    @Test
    void longNamesAreCutToFiftyCharactersWithoutATrailingDash() {
        String slug = Slugs.of("a".repeat(49) + " b" + " c".repeat(40));

        assertThat(slug).hasSizeLessThanOrEqualTo(50).doesNotEndWith("-").isEqualTo("a".repeat(49));
    }

    @Test
    void everyGeneratedSlugIsAValidSlug() {
        Stream.of("Café de la Gare", "  L'Atelier — Couture & Co!  ", "東京", "", "x", "Garage 2000",
                        "ÀÉÎÕÜ çà et là", "a".repeat(49) + " b" + " c".repeat(40), "-".repeat(80), "Ça-va-----bien")
                .map(Slugs::of)
                .forEach(slug -> assertThat(slug).matches(Slugs.VALID));
    }

    @Test
    void validSlugsAreLowerCaseLettersDigitsAndInnerDashesUpToSixtyCharacters() {
        assertThat("a").matches(Slugs.VALID);
        assertThat("jardin-des-lilas").matches(Slugs.VALID);
        assertThat("a".repeat(60)).matches(Slugs.VALID);

        assertThat("a".repeat(61)).doesNotMatch(Slugs.VALID);
        assertThat("Jardin").doesNotMatch(Slugs.VALID);
        assertThat("jardin des lilas").doesNotMatch(Slugs.VALID);
        assertThat("-jardin").doesNotMatch(Slugs.VALID);
        assertThat("jardin-").doesNotMatch(Slugs.VALID);
        assertThat("").doesNotMatch(Slugs.VALID);
    }
}
