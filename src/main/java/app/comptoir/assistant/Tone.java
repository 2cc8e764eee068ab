package app.comptoir.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a description speaks to the reader. */
public enum Tone {
    @JsonProperty("friendly") FRIENDLY,
    @JsonProperty("formal") FORMAL,
    @JsonProperty("fun") FUN
}
