package app.comptoir.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import app.comptoir.platform.TextInput;

/**
 * What the JSON API accepts, decided once for every request body: no fraction silently truncated into
 * an integer field, no control character in a text (a NUL makes PostgreSQL fail). Each is refused with
 * a field error naming the JSON path, before any handler runs. A null inside a list or set
 * ({@code "lines":[null]}) is refused for every collection-typed field at once; maps keep their nulls,
 * because the same mapper reads stored JSON, such as audit changes, whose maps hold them.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    private static final JsonSetter.Value NO_NULL_ELEMENTS = JsonSetter.Value.forContentNulls(Nulls.FAIL);

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Config overrides match the declared type exactly, hence one per collection interface.
                .withConfigOverride(List.class, o -> o.setNullHandling(NO_NULL_ELEMENTS))
                .withConfigOverride(Set.class, o -> o.setNullHandling(NO_NULL_ELEMENTS))
                .withConfigOverride(Collection.class, o -> o.setNullHandling(NO_NULL_ELEMENTS))
                .addModule(new SimpleModule("comptoir-text").addDeserializer(String.class, new PlainText()));
    }

    /** A string deserializer that refuses control characters other than tab, CR and LF. */
    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && TextInput.hasControlCharacter(value)) {
                throw new ControlCharacterException(p);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** A text that contains a control character; the problem handler turns it into a field error. */
    static final class ControlCharacterException extends MismatchedInputException {

        ControlCharacterException(JsonParser p) {
            super(p, "Text contains a control character", String.class);
        }
    }
}
