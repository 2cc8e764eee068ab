package app.comptoir.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasskeysTest {

    @Test
    void aPasskeyNameLosesControlCharactersAndFitsItsColumn() {
        assertThat(Passkeys.label("  Téléphone\u0000 du\n magasin ")).isEqualTo("Téléphone du magasin");
        assertThat(Passkeys.label("x".repeat(300))).hasSize(Passkeys.MAX_LABEL);
    }

    @Test
    void aBlankPasskeyNameGetsADefault() {
        assertThat(Passkeys.label(null)).isEqualTo("Clé d'accès");
        assertThat(Passkeys.label(" \t ")).isEqualTo("Clé d'accès");
    }
}
