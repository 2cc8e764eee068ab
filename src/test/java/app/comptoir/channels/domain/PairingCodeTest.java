package app.comptoir.channels.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairingCodeTest {

    @Test
    void aCodeHasEightUnambiguousCharactersShownWithADash() {
        for (int i = 0; i < 200; i++) {
            assertThat(PairingCode.generate()).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        }
    }

    @Test
    void aCodeIsTypedBackInAnyCaseWithOrWithoutTheDash() {
        assertThat(PairingCode.normalize(" k7qf-92xm ")).contains("K7QF92XM");
        assertThat(PairingCode.normalize("K7QF92XM")).contains("K7QF92XM");
        assertThat(PairingCode.normalize("K7QF-92X")).isEmpty();
        assertThat(PairingCode.normalize("O0I1-2345")).isEmpty();
        assertThat(PairingCode.normalize(null)).isEmpty();
    }
}
