package app.comptoir.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.InvalidInputException;

class LoginEmailTest {

    @Test
    void anAddressIsTrimmedAndLowerCased() {
        assertThat(LoginEmail.normalize("  Camille.Martin@Example.FR ")).isEqualTo("camille.martin@example.fr");
    }

    @Test
    void somethingThatIsNotAnAddressIsRefusedOnTheEmailField() {
        for (String wrong : new String[] {null, "", "camille", "camille@example", "a b@example.fr", "a@b@c.fr",
                "x".repeat(250) + "@example.fr"}) {
            assertThatThrownBy(() -> LoginEmail.normalize(wrong)).as(wrong)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                    .containsExactly("email"));
        }
    }
}
