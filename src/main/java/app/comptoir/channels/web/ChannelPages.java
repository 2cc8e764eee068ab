package app.comptoir.channels.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.channels.application.ChannelAccounts;
import app.comptoir.channels.application.ChannelBoard;
import app.comptoir.channels.application.Listings;
import app.comptoir.channels.domain.ErrorCause;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.domain.ListingState;
import app.comptoir.channels.domain.RateBadge;
import app.comptoir.channels.persistence.ChannelBoardStore;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Formats;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * The channels' back-office pages: the marketplace accounts (pairing code, rate badge with its countdown, pause,
 * cap, disconnect), the listings (searched, filtered, each with its last job), one listing (its fields, publish and
 * withdraw, the job's progress polled while it runs, the publication history), a new listing's form (errors next to
 * their fields) and the statistics. Session material is never in a page.
 */
@PageController
class ChannelPages {

    static final int PAGE_SIZE = 25;

    private final ChannelAccounts accounts;
    private final Listings listings;
    private final ChannelBoard board;
    private final CatalogQueries catalog;
    private final MessageSource messages;
    private final JsonMapper json;

    ChannelPages(ChannelAccounts accounts, Listings listings, ChannelBoard board, CatalogQueries catalog,
                 MessageSource messages, JsonMapper json) {
        this.accounts = accounts;
        this.listings = listings;
        this.board = board;
        this.catalog = catalog;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/app/channels")
    String home() {
        return "redirect:/app/channels/listings";
    }

    // ----- accounts

    @GetMapping("/app/channels/accounts")
    String accounts(Model model) {
        return accountsPage(model, null, Map.of());
    }

    @PostMapping("/app/channels/pairings")
    String pair(Model model) {
        return accountsPage(model, accounts.createPairing(), Map.of());
    }

    @PostMapping("/app/channels/accounts/{id}/limit")
    String limit(@PathVariable UUID id, @RequestParam(required = false) String limit, Model model) {
        Integer value = integer(limit);
        try {
            // a missing or unreadable number is refused like one out of range, after the permission and the account
            accounts.limit(id, value == null ? 0 : value);
        } catch (InvalidInputException e) {
            return accountsPage(model, null, Map.of(id, "invalid"));
        }
        return "redirect:/app/channels/accounts";
    }

    @PostMapping("/app/channels/accounts/{id}/disconnect")
    String disconnect(@PathVariable UUID id) {
        accounts.disconnect(id);
        return "redirect:/app/channels/accounts";
    }

    @PostMapping("/app/channels/devices/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        accounts.revoke(id);
        return "redirect:/app/channels/accounts";
    }

    private String accountsPage(Model model, ChannelAccounts.Pairing pairing, Map<UUID, String> limitErrors) {
        List<ChannelAccounts.AccountView> list = accounts.accounts();
        model.addAttribute("accounts", list);
        model.addAttribute("badges", list.stream().collect(Collectors.toMap(ChannelAccounts.AccountView::id,
                a -> RateBadge.of(a.rate().used(), a.writeLimit()).name().toLowerCase(Locale.ROOT))));
        model.addAttribute("devices", accounts.devices().stream().filter(d -> d.revokedAt() == null).toList());
        model.addAttribute("pairing", pairing);
        model.addAttribute("limitErrors", limitErrors);
        return "channels/accounts";
    }

    // ----- listings

    @GetMapping("/app/channels/listings")
    String listings(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                    @RequestParam(defaultValue = "0") String page, Model model) {
        ListingState chosen = state(state);
        String query = q == null ? "" : q.strip();
        PageResponse<ChannelBoardStore.Row> rows = board.listings(query, chosen, page(page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/channels/listings");
        if (!query.isEmpty()) {
            base.queryParam("q", query);
        }
        if (chosen != null) {
            base.queryParam("state", chosen.name());
        }
        model.addAttribute("rows", rows);
        model.addAttribute("pager", Pager.of(rows, base));
        model.addAttribute("variants", labels(rows.items().stream().map(ChannelBoardStore.Row::variantId).toList()));
        model.addAttribute("q", query);
        model.addAttribute("state", chosen);
        model.addAttribute("states", ListingState.values());
        model.addAttribute("filtered", !query.isEmpty() || chosen != null);
        model.addAttribute("hasAccount", !accounts.accounts().isEmpty());
        return "channels/listings";
    }

    @GetMapping("/app/channels/listings/new")
    String newListing(@RequestParam(required = false) String variant, Model model) {
        UUID variantId = uuid(variant);
        VariantSummary summary = variantId == null ? null : catalog.variant(variantId).orElse(null);
        Map<String, String> form = new LinkedHashMap<>();
        if (summary != null) {
            form.put("variantId", summary.id().toString());
            form.put("title", summary.label().length() > 100 ? summary.label().substring(0, 100) : summary.label());
            form.put("price", summary.price() == null ? "" : summary.price().toPlainString());
        }
        return form(model, form, Map.of());
    }

    @PostMapping("/app/channels/listings")
    String draft(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("accountId", "variantId", "sku", "title", "description", "price", "catalogId",
                "statusId", "brand", "sizeId", "colorIds")) {
            String value = params.get(field);
            form.put(field, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UUID variant = uuid(form.get("variantId"));
        if (variant == null && !form.get("sku").isEmpty() && form.get("sku").length() <= 60) {
            variant = catalog.variantBySku(form.get("sku")).map(VariantSummary::id).orElse(null);
            if (variant == null) {
                errors.put("variantId", "sku");
            }
        }
        BigDecimal price = decimal(form.get("price"));
        if (price == null && !form.get("price").isEmpty()) {
            errors.put("price", "a positive price");
        }
        List<Long> colors = new ArrayList<>();
        for (String part : form.get("colorIds").split("[,; ]+")) {
            if (!part.isBlank()) {
                Long id = number(part);
                if (id == null) {
                    errors.put("colorIds", "at most two Vinted colour ids");
                } else {
                    colors.add(id);
                }
            }
        }
        if (colors.size() > 2) {
            errors.put("colorIds", "at most two Vinted colour ids");
        }
        Long catalogId = number(form.get("catalogId"));
        Long statusId = number(form.get("statusId"));
        Long sizeId = number(form.get("sizeId"));
        for (var entry : Map.of("catalogId", catalogId == null, "statusId", statusId == null, "sizeId",
                sizeId == null).entrySet()) {
            if (entry.getValue() && !form.get(entry.getKey()).isEmpty()) {
                errors.put(entry.getKey(), "a number");
            }
        }
        if (errors.isEmpty()) {
            try {
                var listing = listings.draft(new Listings.Draft(uuid(form.get("accountId")), variant, blank(form.get("title")),
                        blank(form.get("description")), price, catalogId, statusId, blank(form.get("brand")), sizeId,
                        colors, null));
                return "redirect:/app/channels/listings/" + listing.id();
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.message()));
            }
        }
        return form(model, form, errors);
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("accounts", accounts.accounts());
        UUID variant = uuid(form.get("variantId"));
        model.addAttribute("variant", variant == null ? null : catalog.variant(variant).orElse(null));
        return "channels/new";
    }

    @GetMapping("/app/channels/listings/{id}")
    String listing(@PathVariable UUID id, Model model) {
        return listingPage(id, model, null);
    }

    /** The part of a listing's page that follows its jobs: htmx polls it while a job is under way. */
    @GetMapping("/app/channels/listings/{id}/live")
    String live(@PathVariable UUID id, Model model) {
        detail(id, model);
        return "channels/listing :: live";
    }

    @PostMapping("/app/channels/listings/{id}/publish")
    String publish(@PathVariable UUID id, Model model) {
        return act(id, model, () -> listings.publish(id));
    }

    @PostMapping("/app/channels/listings/{id}/update")
    String update(@PathVariable UUID id, Model model) {
        try {
            return act(id, model, () -> listings.update(id, null));
        } catch (InvalidInputException e) {
            // The product's current fields do not make a valid listing: say which, on the listing's page.
            model.addAttribute("invalid", e.errors());
            return listingPage(id, model, "invalid");
        }
    }

    @PostMapping("/app/channels/listings/{id}/withdraw")
    String withdraw(@PathVariable UUID id, Model model) {
        return act(id, model, () -> listings.withdraw(id));
    }

    @PostMapping("/app/channels/listings/{id}/sync")
    String sync(@PathVariable UUID id, Model model) {
        return act(id, model, () -> listings.sync(id));
    }

    private String act(UUID id, Model model, java.util.function.Supplier<PublicationJobStore.Job> act) {
        try {
            act.get();
        } catch (ConflictException e) {
            return listingPage(id, model, e.type());
        }
        return "redirect:/app/channels/listings/" + id;
    }

    private String listingPage(UUID id, Model model, String conflict) {
        Listings.Detail detail = detail(id, model);
        model.addAttribute("conflict", conflict);
        model.addAttribute("variant", catalog.variant(detail.listing().variantId()).orElse(null));
        return "channels/listing";
    }

    private Listings.Detail detail(UUID id, Model model) {
        Listings.Detail detail = listings.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("listing", detail.listing());
        model.addAttribute("account", accounts.account(detail.listing().accountId()));
        model.addAttribute("running", detail.jobs().stream().anyMatch(j -> !j.state().finished()));
        return detail;
    }

    // ----- statistics

    @GetMapping("/app/channels/stats")
    String stats(Model model, Locale locale) {
        ChannelBoard.Stats stats = board.stats();
        model.addAttribute("stats", stats);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        chart.put("data", Map.of("labels", stats.days().stream().map(d -> d.day().toString()).toList(),
                "datasets", List.of(
                        Map.of("label", text("channels.stats.published", locale),
                                "data", stats.days().stream().map(ChannelBoardStore.DayCount::published).toList()),
                        Map.of("label", text("channels.stats.failed", locale),
                                "data", stats.days().stream().map(ChannelBoardStore.DayCount::failed).toList()))));
        model.addAttribute("chart", json.writeValueAsString(chart));
        model.addAttribute("causes", Arrays.stream(ErrorCause.values())
                .filter(stats.errorsByCause()::containsKey).toList());
        return "channels/stats";
    }

    // ----- helpers

    private Map<UUID, VariantSummary> labels(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return catalog.variants(ids.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(VariantSummary::id, Function.identity(), (a, b) -> a));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static ListingState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ListingState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int page(String value) {
        Integer page = integer(value);
        return page == null ? 0 : Math.max(0, Math.min(page, 100_000));
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() || value.strip().length() > 9 ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String value) {
        try {
            long n = value == null || value.isBlank() || value.strip().length() > 15 ? -1 : Long.parseLong(value.strip());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank() || value.length() > 15) {
            return null;
        }
        try {
            BigDecimal parsed = Formats.parseDecimal(value);
            return parsed == null || parsed.signum() <= 0 ? null : parsed;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether a job is still to end (the page polls while one is). */
    static boolean open(JobState state) {
        return !state.finished();
    }
}
