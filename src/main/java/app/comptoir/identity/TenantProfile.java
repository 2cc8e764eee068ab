package app.comptoir.identity;

import java.util.Set;
import java.util.UUID;

import app.comptoir.platform.BusinessModule;

/** A tenant's settings as other modules and the API see them. */
public record TenantProfile(UUID id, String name, String slug, String currency, String locale, String timezone,
                            Set<BusinessModule> enabledModules, boolean demo) {
}
