package app.comptoir.channels.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.ChannelMappings;
import app.comptoir.platform.InvalidInputException;

/** The business's mapping tables to Vinted's ids and its pricing rule for listings. */
@RestController
@Tag(name = "Channels: mappings and pricing")
class ChannelMappingController {

    /** A whole table as sent. */
    record TableRequest(List<ChannelMappings.RowInput> rows) {
    }

    private final ChannelMappings mappings;

    ChannelMappingController(ChannelMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/api/v1/channels/mappings/{kind}")
    @Operation(summary = "A mapping table: our values and Vinted's ids",
            description = "kind: category (our category id → Vinted catalog id), brand (our brand text → Vinted brand"
                    + " id), size (our size, per category group: scope = our category id or empty → Vinted size id),"
                    + " condition (NEW_WITH_TAGS, NEW_WITHOUT_TAGS, VERY_GOOD, GOOD, SATISFACTORY → Vinted status"
                    + " id), colour (the variant's \"Couleur\" value → Vinted colour id). The business's rows come"
                    + " first; built-in defaults it has not overridden follow with builtIn: true.")
    ChannelMappings.Table get(@PathVariable String kind) {
        return mappings.table(kind);
    }

    @PutMapping("/api/v1/channels/mappings/{kind}")
    @Operation(summary = "Replace the business's own rows of a mapping table",
            description = "{rows: [{value, scope?, marketplaceId, label?}]}: every wrong row is listed at once (400,"
                    + " errors[] with rows[i].field); an empty list removes the business's rows (the defaults stay).")
    ChannelMappings.Table put(@PathVariable String kind, @RequestBody(required = false) TableRequest body) {
        if (body == null) {
            throw InvalidInputException.field("rows", "required (an empty list removes every row)");
        }
        return mappings.replace(kind, body.rows());
    }

    @GetMapping("/api/v1/channels/pricing")
    @Operation(summary = "The pricing rule of listings: markup %, fixed markup, rounding (NONE, NINETY, WHOLE), minimum")
    ChannelMappings.Pricing pricing() {
        return mappings.pricing();
    }

    @PutMapping("/api/v1/channels/pricing")
    @Operation(summary = "Change the pricing rule of listings",
            description = "{markupPercent (-90 to 500), markupFixed (-10000 to 10000), rounding (NONE: to the cent,"
                    + " NINETY: up to the next .90, WHOLE: up to the next unit), minimum? (0 to 99999.99)}; applied"
                    + " to the variant's price when a listing is prepared from a product.")
    ChannelMappings.Pricing savePricing(@RequestBody(required = false) ChannelMappings.Pricing body) {
        return mappings.savePricing(body);
    }
}
