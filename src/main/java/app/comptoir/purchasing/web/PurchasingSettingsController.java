package app.comptoir.purchasing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.purchasing.application.PurchasingSettings;

/** The business's purchasing settings: every role reads them, admins (SETTINGS_MANAGE) change them. */
@RestController
@RequestMapping("/api/v1/purchasing/settings")
@Tag(name = "Purchasing: settings")
@PreAuthorize("@rolePermissions.has('READ')")
class PurchasingSettingsController {

    private final PurchasingSettings settings;

    PurchasingSettingsController(PurchasingSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "How receipts change a variant's cost (LAST or WEIGHTED_AVERAGE) and the reminder delay")
    PurchasingSettings.Settings get() {
        return settings.current();
    }

    @PutMapping
    @Operation(summary = "Change the purchasing settings (admins)",
            description = "{costMethod?: LAST | WEIGHTED_AVERAGE, reminderDays?: 1-60}; a missing field is kept.")
    PurchasingSettings.Settings update(@RequestBody PurchasingSettings.Settings body) {
        return settings.change(body);
    }
}
