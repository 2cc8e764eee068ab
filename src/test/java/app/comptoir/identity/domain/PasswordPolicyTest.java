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
        assertThatCode(() -> PasswordPolicy.check("password", "0123456789", "a@example.test")).doesNotThrowAnyException();
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
        assertThatCode(() -> PasswordPolicy.check("password", "é".repeat(10), "a@example.test")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "🔑".repeat(10), "a@example.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", "🔑".repeat(9), "a@example.test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void moreThanSeventyTwoBytesAreRefusedBecauseBcryptWouldIgnoreTheRest() {
        assertThatCode(() -> PasswordPolicy.check("password", "a".repeat(72), "a@example.test")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("password", "é".repeat(36), "a@example.test")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("password", "a".repeat(73), "a@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "must be at most 72 bytes long")));
        assertThatThrownBy(() -> PasswordPolicy.check("password", "é".repeat(37), "a@example.test"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theEmailAddressIsNotAPasswordWhateverItsCaseOrSpaces() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", " Camille.Martin@Example.test ",
                "camille.martin@example.test"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                                new FieldError("password", "must not be your e-mail address")));
    }
}
