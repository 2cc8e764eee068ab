package app.comptoir.identity.web;

import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Role;

/** The caller's business settings. */
@RestController
@RequestMapping("/api/v1/tenant")
@Tag(name = "Tenant")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record TenantRequest(@NotBlank String name, @NotBlank String slug, @NotBlank String currency,
                         @NotBlank String locale, @NotBlank String timezone, @NotNull Set<BusinessModule> enabledModules,
                         @Schema(description = "true: prices are entered including VAT (TTC); false: excluding VAT (HT); "
                                 + "left out: unchanged. Existing quotes and orders keep their totals")
                         Boolean pricesIncludeVat) {
    }

    @GetMapping
    @Operation(summary = "The tenant's settings")
    TenantProfile get() {
        return tenants.current();
    }

    @PutMapping("/permissions")
    @Operation(summary = "Change what each role may do (administrators): {\"MANAGER\": [\"ORDERS_WRITE\", ...], "
            + "\"DRIVER\": [...], \"VIEWER\": [...]}; a role left out may do nothing, ADMIN's row is fixed")
    TenantProfile permissions(@RequestBody Map<Role, Set<Permission>> body) {
        return tenants.changePermissions(body);
    }

    @PutMapping
    @Operation(summary = "Change the tenant's settings (administrators)")
    TenantProfile update(@Valid @RequestBody TenantRequest body) {
        return tenants.update(new Tenants.TenantSettings(body.name(), body.slug(), body.currency(), body.locale(),
                body.timezone(), body.enabledModules(), body.pricesIncludeVat()));
    }
}
