package app.comptoir.assistant.application;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who writes the descriptions: the built-in writer (no network), an OpenAI-compatible service, or Ollama. */
public enum ProviderKind {
    @JsonProperty("builtin") BUILTIN,
    @JsonProperty("openai") OPENAI,
    @JsonProperty("ollama") OLLAMA;

    /** The name stored and shown: {@code builtin}, {@code openai}, {@code ollama}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a setting's text; {@code none}, blank or null is the built-in writer. */
    public static ProviderKind parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return BUILTIN;
        }
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
