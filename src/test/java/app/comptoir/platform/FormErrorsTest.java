package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

class FormErrorsTest {

    record Form(String email, String password) {
    }

    @Test
    void aServiceMessageBecomesAFieldErrorWithCodesFromTheMostToTheLeastSpecific() {
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form("a@b", "short"), "form");

        FormErrors.reject(form, InvalidInputException.field("password", "must be at least 10 characters long"));

        FieldError error = form.getFieldError("password");
        assertThat(error).isNotNull();
        assertThat(error.getCodes()).containsExactly("invalid.password.must-be-at-least-10-characters-long",
                "invalid.must-be-at-least-10-characters-long", "invalid.password");
        assertThat(error.getDefaultMessage()).isEqualTo("must be at least 10 characters long");
        assertThat(error.getRejectedValue()).isEqualTo("short");
    }

    @Test
    void aFieldTheFormLacksBecomesAGlobalError() {
        BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form("a@b", "x"), "form");

        FormErrors.reject(form, InvalidInputException.field("size", "must be between 1 and 200"));

        assertThat(form.getGlobalErrors()).singleElement()
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("invalid.must-be-between-1-and-200"));
    }
}
