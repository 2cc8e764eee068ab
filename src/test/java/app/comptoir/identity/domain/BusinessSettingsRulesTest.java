package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class BusinessSettingsRulesTest {

    @Test
    void aNameIsTrimmedAndHoldsTwoToOneHundredTwentyCharacters() {
        assertThat(BusinessSettingsRules.name("name", "  Jardin des Lilas ")).isEqualTo("Jardin des Lilas");
        refused(() -> BusinessSettingsRules.name("businessName", " J "), "businessName");
        refused(() -> BusinessSettingsRules.name("name", "x".repeat(121)), "name");
        refused(() -> BusinessSettingsRules.name("name", null), "name");
    }

    @Test
    void aCurrencyIsOneOfTheSupportedCodesInAnyCase() {
        assertThat(BusinessSettingsRules.currency(" xof ")).isEqualTo("XOF");
        refused(() -> BusinessSettingsRules.currency("ZZZ"), "currency");
        refused(() -> BusinessSettingsRules.currency(null), "currency");
    }

    @Test
    void theLanguageIsFrenchOrEnglish() {
        assertThat(BusinessSettingsRules.locale("en")).isEqualTo("en");
        refused(() -> BusinessSettingsRules.locale("de"), "locale");
        refused(() -> BusinessSettingsRules.locale(null), "locale");
    }

    @Test
    void aSlugAndATimeZoneMustBeValid() {
        assertThat(BusinessSettingsRules.slug(" boutique-awa ")).isEqualTo("boutique-awa");
        refused(() -> BusinessSettingsRules.slug("Boutique Awa"), "slug");
        assertThat(BusinessSettingsRules.timezone("Africa/Dakar")).isEqualTo("Africa/Dakar");
        refused(() -> BusinessSettingsRules.timezone("Mars/Olympus"), "timezone");
        refused(() -> BusinessSettingsRules.timezone(null), "timezone");
    }

    @Test
    void aNewBusinessPayingInCfaFrancsStartsOnDakarTime() {
        assertThat(BusinessSettingsRules.defaultTimezone("XOF")).isEqualTo("Africa/Dakar");
        assertThat(BusinessSettingsRules.defaultTimezone("EUR")).isEqualTo("Europe/Paris");
    }

    private static void refused(ThrowingCallable check, String field) {
        assertThatThrownBy(check).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly(field));
    }
}
