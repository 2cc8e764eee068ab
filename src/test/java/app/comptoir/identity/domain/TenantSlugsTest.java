package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class TenantSlugsTest {

    @Test
    void accentsAreDroppedAndWordsJoinedWithDashes() {
        assertThat(TenantSlugs.of("Café de la Gare")).isEqualTo("cafe-de-la-gare");
        assertThat(TenantSlugs.of("Élodie & Fils")).isEqualTo("elodie-fils");
    }

    @Test
    void lettersWithoutAccentsToDropAreSpeltOut() {
        assertThat(TenantSlugs.of("Blumen Straße")).isEqualTo("blumen-strasse");
        assertThat(TenantSlugs.of("Cœur de Bœuf")).isEqualTo("coeur-de-boeuf");
    }

    @Test
    void punctuationAndSurroundingSpacesDisappear() {
        assertThat(TenantSlugs.of("  L'Atelier — Couture & Co!  ")).isEqualTo("l-atelier-couture-co");
        assertThat(TenantSlugs.of("--Boutique   Awa--")).isEqualTo("boutique-awa");
    }

    @Test
    void aNameWithoutLatinLettersOrDigitsGetsADefaultSlug() {
        assertThat(TenantSlugs.of("東京")).isEqualTo("commerce");
        assertThat(TenantSlugs.of("  !!  ")).isEqualTo("commerce");
        assertThat(TenantSlugs.of(null)).isEqualTo("commerce");
    }

    @Test
    void longNamesAreCutToFiftyCharactersWithoutATrailingDash() {
        String slug = TenantSlugs.of("a".repeat(49) + " b" + " c".repeat(40));

        assertThat(slug).hasSizeLessThanOrEqualTo(50).doesNotEndWith("-").isEqualTo("a".repeat(49));
    }

    @Test
    void everyGeneratedSlugIsAValidSlug() {
        Stream.of("Café de la Gare", "  L'Atelier — Couture & Co!  ", "東京", "", "x", "Garage 2000",
                        "ÀÉÎÕÜ çà et là", "a".repeat(49) + " b" + " c".repeat(40), "-".repeat(80), "Ça-va-----bien")
                .map(TenantSlugs::of)
                .forEach(slug -> assertThat(slug).matches(TenantSlugs.VALID));
    }

    @Test
    void validSlugsAreLowerCaseLettersDigitsAndInnerDashesUpToSixtyCharacters() {
        assertThat("a").matches(TenantSlugs.VALID);
        assertThat("jardin-des-lilas").matches(TenantSlugs.VALID);
        assertThat("a".repeat(60)).matches(TenantSlugs.VALID);

        assertThat("a".repeat(61)).doesNotMatch(TenantSlugs.VALID);
        assertThat("Jardin").doesNotMatch(TenantSlugs.VALID);
        assertThat("jardin des lilas").doesNotMatch(TenantSlugs.VALID);
        assertThat("-jardin").doesNotMatch(TenantSlugs.VALID);
        assertThat("jardin-").doesNotMatch(TenantSlugs.VALID);
        assertThat("").doesNotMatch(TenantSlugs.VALID);
    }
}
