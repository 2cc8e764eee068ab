package app.comptoir.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The language a description is written in. */
public enum Language {
    @JsonProperty("fr") FR,
    @JsonProperty("en") EN
}
