package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.comptoir.identity.LegalIdentity;
import app.comptoir.platform.InvalidInputException;

class LegalIdentityRulesTest {

    private static LegalIdentity identity(String siren, String siret, String vat, String iban, String bic) {
        return new LegalIdentity("Jardin des Lilas SARL", null, "12 rue des Lilas", null, "69003", "Lyon", "fr", siren,
                siret, vat, null, null, iban, bic, null, 30, null, null, false);
    }

    @Test
    void validFrenchNumbersAreAcceptedAndNormalised() {
        LegalIdentity checked = LegalIdentityRules.check(identity("812 345 676", "812 345 676 00017", "fr 19 812345676",
                "FR76 3000 6000 0112 3456 7890 189", "agrifrpp"));
        assertThat(checked.siren()).isEqualTo("812345676");
        assertThat(checked.siret()).isEqualTo("81234567600017");
        assertThat(checked.vatNumber()).isEqualTo("FR19812345676");
        assertThat(checked.iban()).isEqualTo("FR7630006000011234567890189");
        assertThat(checked.bic()).isEqualTo("AGRIFRPP");
        assertThat(checked.country()).isEqualTo("FR");
    }

    @Test
    void sirenAndSiretNeedTheirLuhnCheckDigit() {
        assertThat(LegalIdentityRules.isSiren("732829320")).isTrue();
        assertThat(LegalIdentityRules.isSiren("732829321")).isFalse();
        assertThat(LegalIdentityRules.isSiren("73282932")).isFalse();
        assertThat(LegalIdentityRules.isSiret("73282932000074")).isTrue();
        assertThat(LegalIdentityRules.isSiret("73282932000075")).isFalse();
        // La Poste's establishments follow the digit-sum rule
        assertThat(LegalIdentityRules.isSiret("35600000000051")).isTrue();
    }

    @Test
    void aFrenchVatNumberCarriesTheKeyOfItsSiren() {
        assertThat(LegalIdentityRules.frenchVatKey("303265045")).isEqualTo(40);
        assertThat(LegalIdentityRules.isFrenchVat("FR40303265045")).isTrue();
        assertThat(LegalIdentityRules.isFrenchVat("FR41303265045")).isFalse();
    }

    @Test
    void anIbanPassesTheMod97Check() {
        assertThat(LegalIdentityRules.isIban("FR7630006000011234567890189")).isTrue();
        assertThat(LegalIdentityRules.isIban("FR7630006000011234567890188")).isFalse();
        assertThat(LegalIdentityRules.isIban("GB82WEST12345698765432")).isTrue();
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> LegalIdentityRules.check(identity("812345677", "82345678500018", "FR00812345676",
                "FR7630006000011234567890188", "AGRI")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("siren", "siret", "vatNumber", "iban", "bic"));
    }

    @Test
    void theSiretMustBelongToTheSiren() {
        assertThatThrownBy(() -> LegalIdentityRules.check(identity("812345676", "82345678500018", null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::message).containsExactly("must start with the SIREN"));
    }

    @Test
    void senegaleseNumbersAreAccepted() {
        LegalIdentity checked = LegalIdentityRules.check(new LegalIdentity("Boutique Awa", null, null, null, null,
                "Dakar", "SN", null, null, null, "005123456 2G3", "sn-dkr-2019-a-12345", null, null, null, 0, null,
                null, false));
        assertThat(checked.rccm()).isEqualTo("SN-DKR-2019-A-12345");
    }

    @Test
    void aControlCharacterInAPrintedTextIsRefused() {
        assertThatThrownBy(() -> LegalIdentityRules.check(new LegalIdentity("Jardin\u0001", null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, "Mentions\u0007", false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactlyInAnyOrder("legalName", "legalMentions"));
    }
}
