package app.comptoir.channels.web;

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
import app.comptoir.channels.application.ListingPhotos;
import app.comptoir.channels.application.Listings;
import app.comptoir.channels.application.MarketplaceLists;
import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.ErrorCause;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.domain.ListingState;
import app.comptoir.channels.domain.RateBadge;
import app.comptoir.channels.persistence.ChannelBoardStore;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

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
    private final Permissions permissions;
    private final ListingPhotos photos;
    private final MarketplaceLists lists;

    ChannelPages(ChannelAccounts accounts, Listings listings, ChannelBoard board, CatalogQueries catalog,
                 MessageSource messages, JsonMapper json, Permissions permissions, ListingPhotos photos,
                 MarketplaceLists lists) {
        this.lists = lists;
        this.permissions = permissions;
        this.photos = photos;
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

    /**
     * A new listing's form. With an item ({@code ?variant=}, from its catalog page) the form shows the fields as they
     * will be sent, prepared from the product (mappings, pricing rule, description), and what is wrong with them,
     * before anything is saved; each can be changed.
     */
    @GetMapping("/app/channels/listings/new")
    String newListing(@RequestParam(required = false) String variant, Model model) {
        UUID variantId = uuid(variant);
        VariantSummary summary = variantId == null ? null : catalog.variant(variantId).orElse(null);
        Map<String, String> form = new LinkedHashMap<>();
        List<ChannelAccounts.AccountView> list = accounts.accounts();
        if (summary == null || list.isEmpty() || !permissions.has(Permission.CATALOG_WRITE)) {
            if (summary != null) {
                form.put("variantId", summary.id().toString());
            }
            return form(model, form, Map.of());
        }
        form.put("accountId", list.getFirst().id().toString());
        form.put("variantId", summary.id().toString());
        Listings.Prepared prepared = listings.prepare(new Listings.Draft(list.getFirst().id(), summary.id(), null,
                null, null, null, null, null, null, null, null));
        ListingFields.fill(form, prepared.fields());
        return form(model, form, ListingFields.errors(prepared.errors()));
    }

    /**
     * Saves a new listing's draft, or ({@code action=prepare}) fills the fields left blank from the item (by its SKU)
     * and shows what is wrong with them without saving anything.
     */
    @PostMapping("/app/channels/listings")
    String draft(@RequestParam Map<String, String> params, Model model) {
        ListingFields.Typed typed = ListingFields.read(params, List.of("accountId", "variantId", "sku"));
        Map<String, String> form = typed.form();
        Map<String, String> errors = new LinkedHashMap<>(typed.errors());
        UUID variant = uuid(form.get("variantId"));
        if (variant == null && !form.get("sku").isEmpty() && form.get("sku").length() <= 60) {
            variant = catalog.variantBySku(form.get("sku")).map(VariantSummary::id).orElse(null);
            if (variant == null) {
                errors.put("variantId", "sku");
            }
        }
        if (!errors.isEmpty()) {
            return form(model, form, errors);
        }
        Listings.Draft draft = new Listings.Draft(uuid(form.get("accountId")), variant, blank(form.get("title")),
                blank(form.get("description")), typed.price(), typed.catalogId(), typed.statusId(),
                blank(form.get("brand")), typed.sizeId(), typed.colorIds(), typed.brandId());
        if ("prepare".equals(params.get("action"))) {
            Listings.Prepared prepared = listings.prepare(draft);
            if (variant != null) {
                form.put("variantId", variant.toString());
            }
            ListingFields.fill(form, prepared.fields());
            return form(model, form, ListingFields.errors(prepared.errors()));
        }
        try {
            var listing = listings.draft(draft);
            return "redirect:/app/channels/listings/" + listing.id();
        } catch (InvalidInputException e) {
            return form(model, form, ListingFields.errors(e.errors()));
        }
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("accounts", accounts.accounts());
        UUID variant = uuid(form.get("variantId"));
        model.addAttribute("variant", variant == null ? null : catalog.variant(variant).orElse(null));
        model.addAttribute("photos", variant == null ? List.of() : photos.thumbnails(variant));
        UUID account = uuid(form.get("accountId"));
        List<ChannelAccounts.AccountView> all = accounts.accounts();
        model.addAttribute("vintedLists", vintedLists(account != null ? account
                : all.isEmpty() ? null : all.getFirst().id(), form.get("brand")));
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

    /**
     * Queues an update: with the page's form ({@code fields=1}) the fields as typed (every wrong one comes back next
     * to its field, as typed); without it, the product's current fields.
     */
    @PostMapping("/app/channels/listings/{id}/update")
    String update(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model) {
        if (!params.containsKey("fields")) {
            try {
                return act(id, model, () -> listings.update(id, null));
            } catch (InvalidInputException e) {
                // The product's current fields do not make a valid listing: say which, on the listing's page.
                model.addAttribute("invalid", e.errors());
                return listingPage(id, model, "invalid");
            }
        }
        ListingFields.Typed typed = ListingFields.read(params, List.of());
        if (typed.errors().isEmpty()) {
            try {
                return act(id, model, () -> listings.update(id, new Listings.Changes(blank(typed.form().get("title")),
                        blank(typed.form().get("description")), typed.price(), typed.catalogId(), typed.statusId(),
                        blank(typed.form().get("brand")), typed.sizeId(), typed.colorIds(), typed.brandId())));
            } catch (InvalidInputException e) {
                model.addAttribute("updateErrors", ListingFields.errors(e.errors()));
            }
        } else {
            model.addAttribute("updateErrors", typed.errors());
        }
        model.addAttribute("updateForm", typed.form());
        return listingPage(id, model, null);
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
        boolean updatable = detail.listing().state().updatable() && permissions.has(Permission.CATALOG_WRITE);
        model.addAttribute("updatable", updatable);
        if (updatable && !model.containsAttribute("updateForm")) {
            // The form of an update shows what it would send now: the product's current fields, else the listing's.
            Listings.Prepared prepared = listings.updateFields(id, null);
            Map<String, String> form = new LinkedHashMap<>();
            ListingFields.fill(form, prepared.fields());
            model.addAttribute("updateForm", form);
            model.addAttribute("updateErrors", ListingFields.errors(prepared.errors()));
        }
        if (updatable) {
            @SuppressWarnings("unchecked")
            Map<String, String> form = (Map<String, String>) model.getAttribute("updateForm");
            model.addAttribute("vintedLists", vintedLists(detail.listing().accountId(), form.get("brand")));
        }
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

    /** Vinted's ids as fetched through the account (mappings page), offered while typing each id field. */
    private Map<String, List<MarketplaceLists.Entry>> vintedLists(UUID account, String brand) {
        Map<String, List<MarketplaceLists.Entry>> offered = new LinkedHashMap<>();
        if (account == null) {
            return offered;
        }
        offered.put("catalogId", lists.cached(account, MappingKind.CATEGORY, null));
        offered.put("statusId", lists.cached(account, MappingKind.CONDITION, null));
        offered.put("sizeId", lists.cached(account, MappingKind.SIZE, null));
        offered.put("colorIds", lists.cached(account, MappingKind.COLOUR, null));
        if (brand != null && !brand.isBlank()) {
            offered.put("brandId", lists.cached(account, MappingKind.BRAND, brand));
        }
        offered.values().removeIf(List::isEmpty);
        return offered;
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
