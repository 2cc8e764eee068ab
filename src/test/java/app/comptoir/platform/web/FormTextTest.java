package app.comptoir.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.web.bind.WebDataBinder;

import app.comptoir.platform.TextInput;

/** A control character typed in a form is an error next to the field, not a 500 from the database. */
class FormTextTest {

    public static class Form {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Test
    void aControlCharacterInAFormFieldIsATypeMismatchOnThatField() {
        Form form = new Form();
        WebDataBinder binder = new WebDataBinder(form, "form");
        new FormText().refuseControlCharacters(binder);
        binder.bind(new MutablePropertyValues(java.util.Map.of("name", "Th\u00e9\u0000vert")));

        assertThat(binder.getBindingResult().getFieldError("name")).isNotNull();
        assertThat(binder.getBindingResult().getFieldError("name").getCodes()).contains("typeMismatch.java.lang.String");
        assertThat(form.getName()).isNull();
    }

    @Test
    void multiLineTextIsStillAccepted() {
        Form form = new Form();
        WebDataBinder binder = new WebDataBinder(form, "form");
        new FormText().refuseControlCharacters(binder);
        binder.bind(new MutablePropertyValues(java.util.Map.of("name", "ligne 1\r\nligne\t2")));

        assertThat(binder.getBindingResult().hasErrors()).isFalse();
        assertThat(form.getName()).isEqualTo("ligne 1\r\nligne\t2");
        assertThat(TextInput.hasControlCharacter("a\u0085b")).isTrue();
    }
}
