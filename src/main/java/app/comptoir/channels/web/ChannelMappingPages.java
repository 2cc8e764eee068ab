package app.comptoir.channels.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.catalog.ItemCondition;
import app.comptoir.channels.application.ChannelAccounts;
import app.comptoir.channels.application.ChannelMappings;
import app.comptoir.channels.application.MarketplaceLists;
import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.PricingRule;
import app.comptoir.platform.ConflictException;
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
    private final MarketplaceLists lists;
    private final ChannelAccounts accounts;

    ChannelMappingPages(ChannelMappings mappings, Permissions permissions, MarketplaceLists lists,
                        ChannelAccounts accounts) {
        this.mappings = mappings;
        this.permissions = permissions;
        this.lists = lists;
        this.accounts = accounts;
    }

    /**
     * The page; with {@code list} (a kind) it browses that list of Vinted's through the account ({@code account}, else
     * the first), searched with {@code q} (for brands, the name Vinted searches); {@code use} (an id of that list)
     * puts the id and its name into the new row of that kind's table.
     */
    @GetMapping
    String page(@RequestParam(required = false) String list, @RequestParam(required = false) String account,
                @RequestParam(required = false) String q, @RequestParam(required = false) String use, Model model) {
        browse(model, list, account, q, use);
        fill(model);
        return "channels/mappings";
    }

    /** Fetches one of Vinted's lists again through the account, then shows it. */
    @PostMapping("/lists/{kind}/refresh")
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    String refresh(@PathVariable String kind, @RequestParam(required = false) String account,
                   @RequestParam(required = false) String q, RedirectAttributes redirect) {
        MappingKind k = kind(kind);
        UUID id = chosenAccount(account);
        if (id == null) {
            return "redirect:/app/channels/mappings";
        }
        try {
            lists.refresh(id, k.key(), q);
            redirect.addFlashAttribute("flash", "channels.lists.refreshed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("listRefused", e.type());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/app/channels/mappings").queryParam("list", k.key())
                .queryParam("account", id).queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .encode().build().toUriString() + "#vinted-lists";
    }

    private void browse(Model model, String list, String account, String q, String use) {
        List<ChannelAccounts.AccountView> all = accounts.accounts();
        model.addAttribute("listAccounts", all);
        model.addAttribute("listKinds", List.of(MappingKind.values()));
        UUID chosen = chosenAccount(account);
        model.addAttribute("listAccount", chosen);
        Map<MappingKind, List<MarketplaceLists.Entry>> ids = new EnumMap<>(MappingKind.class);
        if (chosen != null) {
            for (MappingKind kind : MappingKind.values()) {
                if (kind != MappingKind.BRAND) {
                    ids.put(kind, lists.cached(chosen, kind, null));
                }
            }
        }
        model.addAttribute("vintedIds", ids);
        MappingKind kind = list == null ? null : MappingKind.parse(list).orElse(null);
        model.addAttribute("listKind", kind);
        String query = q == null ? "" : q.strip();
        model.addAttribute("listQuery", query);
        if (kind == null || chosen == null) {
            return;
        }
        try {
            // Brands are searched on Vinted by name; the other lists come whole and are searched here.
            MarketplaceLists.Found found = kind == MappingKind.BRAND
                    ? lists.find(chosen, kind.key(), query, null, 0, 100)
                    : lists.find(chosen, kind.key(), null, query, 0, 100);
            model.addAttribute("listFound", found);
            if (use != null && !use.isBlank()) {
                found.entries().items().stream().filter(e -> String.valueOf(e.id()).equals(use.strip())).findFirst()
                        .ifPresent(e -> {
                            Map<String, String> typed = new LinkedHashMap<>();
                            typed.put("marketplaceId", String.valueOf(e.id()));
                            typed.put("label", e.group() == null ? e.label() : e.group() + " › " + e.label());
                            typed.put("value", kind == MappingKind.BRAND ? e.label() : "");
                            model.addAttribute("editKind", kind);
                            model.addAttribute("typed", typed);
                            model.addAttribute("rowErrors", Map.of());
                        });
            }
        } catch (ConflictException e) {
            model.addAttribute("listRefused", e.type());
        }
    }

    private UUID chosenAccount(String account) {
        List<ChannelAccounts.AccountView> all = accounts.accounts();
        try {
            UUID wanted = account == null || account.isBlank() ? null : UUID.fromString(account.strip());
            return all.stream().map(ChannelAccounts.AccountView::id).filter(id -> wanted == null || id.equals(wanted))
                    .findFirst().orElse(null);
        } catch (IllegalArgumentException e) {
            return all.isEmpty() ? null : all.getFirst().id();
        }
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
            browse(model, null, null, null, null);
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
        browse(model, null, null, null, null);
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
