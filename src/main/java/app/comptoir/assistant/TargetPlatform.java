package app.comptoir.assistant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the description will be published: the business's own shop, a Vinted listing, a social network post. */
public enum TargetPlatform {
    @JsonProperty("shop") SHOP,
    @JsonProperty("vinted") VINTED,
    @JsonProperty("social") SOCIAL
}
