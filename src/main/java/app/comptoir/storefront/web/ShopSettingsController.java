package app.comptoir.storefront.web;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.storefront.application.ShopSettings;
import app.comptoir.storefront.domain.DeliveryRules;

/** The online shop's delivery rules in the staff API: read by the staff, set by administrators (SETTINGS_MANAGE). */
@RestController
@RequestMapping("/api/v1/store-settings")
@PreAuthorize("@rolePermissions.has('READ')")
class ShopSettingsController {

    private final ShopSettings settings;

    ShopSettingsController(ShopSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The online shop's delivery rules",
            description = "flatFee, freeAbove (null: never free), zones [{name, prefixes, fee}] (the longest matching "
                    + "postcode prefix wins), slots {enabled, daysAhead, perDay [{label, capacity}]}.")
    DeliveryRules get() {
        return settings.rules();
    }

    @PutMapping
    @PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
    @Operation(summary = "Replace the online shop's delivery rules",
            description = "Amounts in the business's currency and price mode; 400 names every broken field.")
    DeliveryRules put(@RequestBody(required = false) DeliveryRules rules) {
        return settings.save(rules);
    }
}
