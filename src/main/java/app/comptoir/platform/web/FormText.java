package app.comptoir.platform.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import app.comptoir.platform.TextInput;

/**
 * Every text bound from a form field or a request parameter goes through the rule of
 * {@link TextInput}: a control character (a NUL makes PostgreSQL fail) is a {@code typeMismatch} error
 * next to the field, or a 400 problem for a request parameter, instead of a 500.
 */
@ControllerAdvice
class FormText {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text != null && TextInput.hasControlCharacter(text)) {
                    throw new IllegalArgumentException("Text contains a control character");
                }
                setValue(text);
            }
        });
    }
}
