package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.InvalidInputException;

class PasswordPolicyTest {

    @Test
    void tenCharactersAreEnough() {
        assertThatCode(() -> PasswordPolicy.check("password", "k7#Qm2!vXp", "a@example.test")).doesNotThrowAnyException();
    }

    @Test
    void nineCharactersAreRefusedOnTheNamedField() {
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "012345678", "a@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("newPassword", "must be at least 10 characters long")));
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", null, "a@example.test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThatCode(() -> PasswordPolicy.check("password", "éàèùçêâîôû", "a@example.test")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "🔑🚪🔒🗝🏠🚲🌳🍞🧀🍷", "a@example.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", "🔑🚪🔒🗝🏠🚲🌳🍞🧀", "a@example.test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void longPassphrasesAreAcceptedUpTo128Characters() {
        String sixtyFour = "correct horse battery staple, the bakery opens at seven on Mondays";
        assertThat(sixtyFour.length()).isGreaterThanOrEqualTo(64);
        assertThatCode(() -> PasswordPolicy.check("password", sixtyFour, "a@example.test")).doesNotThrowAnyException();
        String accented = "é".repeat(60) + "ça marche, bien sûr !" + "à".repeat(47);
        assertThat(accented.codePointCount(0, accented.length())).isEqualTo(128);
        assertThatCode(() -> PasswordPolicy.check("password", accented, "a@example.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", accented + "x", "a@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "must be at most 128 characters long")));
    }

    @Test
    void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"1234567890", "qwertyuiop", "PASSWORD1234", "Baseball12", "trustno1!!"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", common, "a@example.test"))
                    .as(common).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> PasswordPolicy.check("password", "Sunshine12345", "a@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "is one of the most common passwords; choose another")));
    }

    @Test
    void aCommonPasswordWithDigitsOrSymbolsAddedIsStillCommon() {
        for (String variant : new String[] {"password123", "123password", "Password2026!", "!!dragon2024"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", variant, "a@example.test"))
                    .as(variant).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void theShippedListHasTenThousandPasswords() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).count()).isEqualTo(10_000);
        }
    }

    @Test
    void repeatedAndSequentialPatternsAreRefused() {
        for (String pattern : new String[] {"aaaaaaaaaa", "abcabcabcabc", "1212121212", "0987654321", "abcdefghijk",
                "zyxwvutsrqpo", "azertyuiop", "ASDFGHJKLasdfghjkl", "4567890123"}) {
            assertThatThrownBy(() -> PasswordPolicy.check("password", pattern, "a@example.test"))
                    .as(pattern).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> PasswordPolicy.check("password", "xyxyxyxyxyxy", "a@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "is a repeated or sequential pattern; choose another")));
    }

    @Test
    void ordinaryPasswordsPass() {
        for (String fine : new String[] {"comptoir-demo-2026", "Tulipe & Basilic 7", "vélo-rouge-du-marché"}) {
            assertThatCode(() -> PasswordPolicy.check("password", fine, "a@example.test")).as(fine)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void theEmailAddressIsNotAPasswordWhateverItsCaseOrSpaces() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", " Camille.Martin@Example.test ",
                "camille.martin@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "must not be your e-mail address")));
    }
}
