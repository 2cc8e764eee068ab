package app.comptoir.identity.web;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Currencies;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Role;

/**
 * Administrators change their business's profile: name, address (slug), currency, language, time zone,
 * whether prices include VAT, and the modules (the built ones).
 */
@PageController
@RequestMapping("/app/settings")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class SettingsPage {

    private static final String VIEW = "identity/settings";

    // Region-based zones only ("Europe/Paris"): the legacy aliases and Etc/ offsets would only confuse.
    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .filter(z -> Character.isUpperCase(z.charAt(0)) && !z.startsWith("US/") && !z.startsWith("Canada/")
                    && !z.startsWith("Brazil/") && !z.startsWith("Chile/") && !z.startsWith("Mexico/"))
            .sorted()
            .toList();

    private final Tenants tenants;

    SettingsPage(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The settings form; {@code enabledModules} lists only the modules that are built (the others are not shown). */
    record SettingsForm(String name, String slug, String currency, String locale, String timezone,
                        Set<BusinessModule> enabledModules, Boolean pricesIncludeVat) {
    }

    @GetMapping
    String settings(Model model) {
        TenantProfile tenant = tenants.current();
        model.addAttribute("form", new SettingsForm(tenant.name(), tenant.slug(), tenant.currency(), tenant.locale(),
                tenant.timezone(), tenant.enabledModules(), tenant.pricesIncludeVat()));
        return page(model, tenant.timezone());
    }

    @PostMapping
    String update(@ModelAttribute("form") SettingsForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        // Values that could not even be read (a tampered module name) are shown before anything is saved.
        if (result.hasErrors()) {
            return page(model, form.timezone());
        }
        try {
            tenants.update(new Tenants.TenantSettings(form.name(), form.slug(), form.currency(), form.locale(),
                    form.timezone(), withModulesNotShown(form.enabledModules()), form.pricesIncludeVat()));
            redirect.addFlashAttribute("flash", "settings.saved");
            return "redirect:/app/settings";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            // The one conflict here: another business already has this address.
            result.rejectValue("slug", "conflict." + e.type(), e.getMessage());
        }
        return page(model, form.timezone());
    }

    /** The role matrix: one checkbox per role and permission, named {@code ROLE:PERMISSION}. */
    @PostMapping("/permissions")
    String permissions(@RequestParam(name = "grant", required = false) List<String> grants, RedirectAttributes redirect) {
        Map<Role, Set<Permission>> matrix = new EnumMap<>(Role.class);
        for (String grant : grants == null ? List.<String>of() : grants) {
            String[] parts = grant.split(":", 2);
            try {
                matrix.computeIfAbsent(Role.valueOf(parts[0]), r -> EnumSet.noneOf(Permission.class))
                        .add(Permission.valueOf(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // A tampered checkbox grants nothing.
            }
        }
        tenants.changePermissions(matrix);
        redirect.addFlashAttribute("flash", "settings.permissions.saved");
        return "redirect:/app/settings#permissions";
    }

    /**
     * The modules the form does not show (not built yet) keep their stored switch, so a business finds them
     * as it left them on the day they are built.
     */
    private Set<BusinessModule> withModulesNotShown(Set<BusinessModule> chosen) {
        Set<BusinessModule> modules = EnumSet.noneOf(BusinessModule.class);
        if (chosen != null) {
            chosen.stream().filter(BusinessModule::built).forEach(modules::add);
        }
        tenants.current().enabledModules().stream().filter(m -> !m.built()).forEach(modules::add);
        return modules;
    }

    private String page(Model model, String timezone) {
        TenantProfile current = tenants.current();
        // The business's public shop, once switched on: the page links to it ("Voir ma boutique").
        model.addAttribute("shopOpen", !current.supplier() && current.enabledModules().contains(BusinessModule.STOREFRONT));
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("permissions", List.of(Permission.values()));
        model.addAttribute("matrix", tenants.current().permissions());
        model.addAttribute("currencies", Currencies.SUPPORTED);
        // A zone saved before (or through the API) stays selectable even when the list leaves it out.
        model.addAttribute("timeZones", timezone == null || TIME_ZONES.contains(timezone) ? TIME_ZONES
                : Stream.concat(Stream.of(timezone), TIME_ZONES.stream()).toList());
        model.addAttribute("modules", BusinessModule.available());
        return VIEW;
    }
}
