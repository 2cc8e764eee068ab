package app.comptoir.channels.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.catalog.ItemCondition;
import app.comptoir.channels.application.ChannelMappings;
import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.PricingRule;
import app.comptoir.platform.Formats;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * The mappings page: one table per kind (our value → Vinted's id) with rows to add, change and remove, and the
 * pricing rule of listings. A wrong row or rule comes back as typed with its errors next to the fields.
 */
@PageController
@RequestMapping("/app/channels/mappings")
class ChannelMappingPages {

    private final ChannelMappings mappings;
    private final Permissions permissions;

    ChannelMappingPages(ChannelMappings mappings, Permissions permissions) {
        this.mappings = mappings;
        this.permissions = permissions;
    }

    @GetMapping
    String page(Model model) {
        fill(model);
        return "channels/mappings";
    }

    @PostMapping("/{kind}")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String save(@PathVariable String kind, @RequestParam(required = false) String value,
                @RequestParam(required = false) String scope, @RequestParam(required = false) String marketplaceId,
                @RequestParam(required = false) String label, Model model, RedirectAttributes redirect) {
        MappingKind k = kind(kind);
        Long id = null;
        try {
            id = marketplaceId == null || marketplaceId.isBlank() ? null : Long.valueOf(marketplaceId.strip());
        } catch (NumberFormatException e) {
            id = -1L;
        }
        try {
            mappings.save(k, new ChannelMappings.RowInput(value, scope, id, label));
        } catch (InvalidInputException e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("value", value);
            typed.put("scope", scope);
            typed.put("marketplaceId", marketplaceId);
            typed.put("label", label);
            model.addAttribute("editKind", k);
            model.addAttribute("typed", typed);
            model.addAttribute("rowErrors", fields(e));
            fill(model);
            return "channels/mappings";
        }
        redirect.addFlashAttribute("flash", "channels.mappings.saved");
        return "redirect:/app/channels/mappings#" + k.key();
    }

    @PostMapping("/{kind}/delete")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String delete(@PathVariable String kind, @RequestParam(required = false) String value,
                  @RequestParam(required = false) String scope, RedirectAttributes redirect) {
        MappingKind k = kind(kind);
        mappings.remove(k, value, scope);
        redirect.addFlashAttribute("flash", "channels.mappings.removed");
        return "redirect:/app/channels/mappings#" + k.key();
    }

    @PostMapping("/pricing")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String pricing(@RequestParam(required = false) String markupPercent,
                   @RequestParam(required = false) String markupFixed,
                   @RequestParam(required = false) String rounding, @RequestParam(required = false) String minimum,
                   Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal percent = decimal(markupPercent, "markupPercent", errors);
        BigDecimal fixed = decimal(markupFixed, "markupFixed", errors);
        BigDecimal min = decimal(minimum, "minimum", errors);
        PricingRule.Rounding round = PricingRule.Rounding.NONE;
        try {
            round = rounding == null || rounding.isBlank() ? PricingRule.Rounding.NONE
                    : PricingRule.Rounding.valueOf(rounding);
        } catch (IllegalArgumentException e) {
            errors.put("rounding", "channels.mappings.invalid.rounding");
        }
        if (errors.isEmpty()) {
            try {
                mappings.savePricing(new ChannelMappings.Pricing(percent, fixed, round, min));
                redirect.addFlashAttribute("flash", "channels.pricing.saved");
                return "redirect:/app/channels/mappings#pricing";
            } catch (InvalidInputException e) {
                errors.putAll(fields(e));
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("markupPercent", markupPercent);
        typed.put("markupFixed", markupFixed);
        typed.put("rounding", rounding);
        typed.put("minimum", minimum);
        model.addAttribute("pricingTyped", typed);
        model.addAttribute("pricingErrors", errors);
        fill(model);
        return "channels/mappings";
    }

    private void fill(Model model) {
        Map<MappingKind, ChannelMappings.Table> tables = new EnumMap<>(MappingKind.class);
        for (MappingKind kind : MappingKind.values()) {
            tables.put(kind, mappings.table(kind));
        }
        model.addAttribute("kinds", List.of(MappingKind.values()));
        model.addAttribute("tables", tables);
        model.addAttribute("categories", mappings.categoryNames());
        model.addAttribute("conditions", List.of(ItemCondition.values()));
        model.addAttribute("roundings", List.of(PricingRule.Rounding.values()));
        if (!model.containsAttribute("pricingTyped")) {
            ChannelMappings.Pricing p = mappings.pricing();
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("markupPercent", plain(p.markupPercent()));
            shown.put("markupFixed", plain(p.markupFixed()));
            shown.put("rounding", p.rounding().name());
            shown.put("minimum", plain(p.minimum()));
            model.addAttribute("pricingTyped", shown);
            model.addAttribute("pricingErrors", Map.of());
        }
        if (!model.containsAttribute("rowErrors")) {
            model.addAttribute("rowErrors", Map.of());
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("canEdit", permissions.has(Permission.CATALOG_WRITE));
    }

    /** The service's field errors as message keys of this page, by field (row paths without their index). */
    private static Map<String, String> fields(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInputException.FieldError error : e.errors()) {
            String field = error.field().replaceFirst("^rows\\[\\d+]\\.", "");
            errors.putIfAbsent(field, "channels.mappings.invalid." + field);
        }
        return errors;
    }

    private static BigDecimal decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Formats.parseDecimal(text);
        } catch (RuntimeException e) {
            errors.put(field, "channels.mappings.invalid." + field);
            return null;
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    private static MappingKind kind(String name) {
        return MappingKind.parse(name).orElseThrow(() -> new NotFoundException("mapping kind", name));
    }
}
