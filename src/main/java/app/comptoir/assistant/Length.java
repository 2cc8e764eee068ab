package app.comptoir.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How long a description is: short (one sentence), medium (a paragraph), long (a paragraph and the details). */
public enum Length {
    @JsonProperty("short") SHORT,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("long") LONG
}
