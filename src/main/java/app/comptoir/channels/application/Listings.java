package app.comptoir.channels.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.channels.domain.JobKind;
import app.comptoir.channels.domain.ListingState;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.channels.persistence.ListingStore;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/** A business's listings on its marketplace accounts: drafting one, publishing it, updating it, withdrawing it. */
@Service
public class Listings {

    /**
     * The fields of a new listing, as the marketplace wants them. Those left out (null) are prepared from the variant's
     * product in the catalog (see {@link ListingDrafts}); those given override what the product would give.
     */
    public record Draft(UUID accountId, UUID variantId, String title, String description, BigDecimal price,
                        Long catalogId, Long statusId, String brand, Long sizeId, List<Long> colorIds, Long brandId) {
    }

    /**
     * What an update of a published listing changes: each field given wins; each left out (null) is prepared afresh
     * from the variant's product as for a new listing (so a renamed, redescribed or repriced product sends its new
     * values), and stays as it was when the product cannot give it (a listing typed by hand).
     */
    public record Changes(String title, String description, BigDecimal price, Long catalogId, Long statusId,
                          String brand, Long sizeId, List<Long> colorIds, Long brandId) {
    }

    /** A listing, its jobs (newest first) and its history (oldest first). */
    public record Detail(ListingStore.Listing listing, List<PublicationJobStore.Job> jobs, List<ListingStore.Event> history) {
    }

    private final ListingStore listings;
    private final PublicationJobStore jobs;
    private final AccountStore accounts;
    private final JobDispatch dispatch;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final StockQueries stock;
    private final ListingDrafts drafts;

    Listings(ListingStore listings, PublicationJobStore jobs, AccountStore accounts, JobDispatch dispatch,
             Permissions permissions, TenantContext tenantContext, Clock clock, StockQueries stock,
             ListingDrafts drafts) {
        this.stock = stock;
        this.drafts = drafts;
        this.listings = listings;
        this.jobs = jobs;
        this.accounts = accounts;
        this.dispatch = dispatch;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /**
     * Drafts a listing after checking every field at once (a 400 listing each wrong field): the fields not given are
     * prepared from the variant's product (mappings, pricing rule, the assistant's description); a field that stays
     * empty because a value has no mapping says which value and where to map it.
     */
    @Transactional
    public ListingStore.Listing draft(Draft typed) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        Prepared prepared = check(tenant, drafts.complete(typed));
        Draft draft = prepared.fields();
        if (!prepared.errors().isEmpty()) {
            throw new InvalidInputException("The listing cannot be published as it is", prepared.errors());
        }
        Instant now = clock.instant();
        ListingStore.Listing listing = new ListingStore.Listing(Ids.newId(), draft.accountId(), draft.variantId(),
                draft.title().strip(), draft.description(), draft.price(), "EUR", draft.catalogId(), draft.statusId(),
                draft.brand(), draft.sizeId(), draft.colorIds() == null ? List.of() : List.copyOf(draft.colorIds()),
                ListingState.DRAFT, null, null, null, now, draft.brandId());
        listings.insert(tenant, listing);
        listings.event(tenant, listing.id(), now, "DRAFTED", null);
        return listing;
    }

    /** A listing's fields as they would be drafted, and what is wrong with them (nothing stored, nothing sent). */
    public record Prepared(Draft fields, List<InvalidInputException.FieldError> errors) {
    }

    /**
     * The fields a draft would get from the variant's product (mappings, pricing rule, description) with what is typed
     * winning, and every field error the draft would get: for a form to show before anything is stored.
     */
    @Transactional
    public Prepared prepare(Draft typed) {
        permissions.require(Permission.CATALOG_WRITE);
        return check(tenantContext.requireTenant(), drafts.complete(typed));
    }

    private Prepared check(UUID tenant, ListingDrafts.Completed completed) {
        Draft draft = completed.draft();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (draft.accountId() == null || accounts.find(tenant, draft.accountId()).isEmpty()) {
            errors.add(new InvalidInputException.FieldError("accountId", "no such channel account"));
        }
        if (draft.variantId() == null) {
            errors.add(new InvalidInputException.FieldError("variantId", "required"));
        }
        if (draft.title() == null || draft.title().isBlank()) {
            errors.add(new InvalidInputException.FieldError("title", "required"));
        } else if (draft.title().strip().length() < 5 || draft.title().strip().length() > 100) {
            errors.add(new InvalidInputException.FieldError("title", "between 5 and 100 characters"));
        }
        if (draft.price() == null || draft.price().signum() <= 0) {
            errors.add(new InvalidInputException.FieldError("price", "a positive price"));
        } else if (draft.price().scale() > 2 || draft.price().compareTo(new BigDecimal("100000")) >= 0) {
            errors.add(new InvalidInputException.FieldError("price", "at most 99999.99 with two decimals"));
        }
        if (draft.catalogId() == null) {
            errors.add(new InvalidInputException.FieldError("catalogId",
                    completed.gaps().getOrDefault("catalogId", "the Vinted category is required")));
        }
        if (draft.statusId() == null) {
            errors.add(new InvalidInputException.FieldError("statusId",
                    completed.gaps().getOrDefault("statusId", "the condition is required")));
        }
        if (draft.sizeId() == null && completed.gaps().containsKey("sizeId")) {
            errors.add(new InvalidInputException.FieldError("sizeId", completed.gaps().get("sizeId")));
        }
        if ((draft.colorIds() == null || draft.colorIds().isEmpty()) && completed.gaps().containsKey("colorIds")) {
            errors.add(new InvalidInputException.FieldError("colorIds", completed.gaps().get("colorIds")));
        }
        if (draft.brandId() != null && draft.brandId() <= 0) {
            errors.add(new InvalidInputException.FieldError("brandId", "a positive Vinted brand id"));
        }
        if (draft.description() != null && draft.description().length() > 2000) {
            errors.add(new InvalidInputException.FieldError("description", "at most 2000 characters"));
        }
        if (draft.brand() != null && draft.brand().length() > 120) {
            errors.add(new InvalidInputException.FieldError("brand", "at most 120 characters"));
        }
        if (draft.colorIds() != null && (draft.colorIds().size() > 2
                || draft.colorIds().stream().anyMatch(c -> c == null || c <= 0))) {
            errors.add(new InvalidInputException.FieldError("colorIds", "at most two Vinted colour ids"));
        }
        return new Prepared(draft, List.copyOf(errors));
    }

    @Transactional(readOnly = true)
    public List<ListingStore.Listing> list(int page, int size) {
        permissions.require(Permission.READ);
        return listings.all(tenantContext.requireTenant(), size, page * size);
    }

    @Transactional(readOnly = true)
    public long count() {
        return listings.count(tenantContext.requireTenant());
    }

    @Transactional(readOnly = true)
    public Detail detail(UUID id) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        return new Detail(listing, jobs.ofListing(tenant, id), listings.history(tenant, id));
    }

    @Transactional(readOnly = true)
    public PublicationJobStore.Job job(UUID id) {
        permissions.require(Permission.READ);
        return jobs.find(tenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("job", id));
    }

    /** Queues the publication of the listing; 409 when it is already on its way or published. */
    @Transactional
    public PublicationJobStore.Job publish(UUID id) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        if (!listing.state().publishable()) {
            throw new ConflictException("listing-state", "The listing is " + listing.state() + ": it cannot be published");
        }
        listings.state(tenant, id, ListingState.PUBLISHING, clock.instant());
        return queue(tenant, listing, JobKind.PUBLISH);
    }

    /**
     * Queues an update of a published listing with the product's current fields and pictures (see {@link Changes}),
     * after checking every field at once (400). 409 {@code listing-state} when the listing is not live on its
     * marketplace (draft, on its way, withdrawn, sold, failed), 409 {@code listing-busy} when a job of the listing is
     * not finished yet (the update would race it).
     */
    @Transactional
    public PublicationJobStore.Job update(UUID id, Changes changes) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        if (!listing.state().updatable()) {
            throw new ConflictException("listing-state", "The listing is " + listing.state() + ": nothing to update");
        }
        if (jobs.openAny(tenant, id)) {
            throw new ConflictException("listing-busy", "A job of this listing is not finished yet");
        }
        Prepared prepared = merged(tenant, listing, changes);
        Draft merged = prepared.fields();
        if (!prepared.errors().isEmpty()) {
            throw new InvalidInputException("The listing cannot be updated as it is", prepared.errors());
        }
        Instant now = clock.instant();
        ListingStore.Listing changed = new ListingStore.Listing(listing.id(), listing.accountId(), listing.variantId(),
                merged.title().strip(), merged.description(), merged.price(), listing.currency(), merged.catalogId(),
                merged.statusId(), merged.brand(), merged.sizeId(), List.copyOf(merged.colorIds()), listing.state(),
                listing.remoteId(), listing.publishedAt(), listing.soldAt(), listing.createdAt(), merged.brandId());
        listings.fields(tenant, changed, now);
        return queue(tenant, changed, JobKind.UPDATE);
    }

    /**
     * The fields an update of the listing would send with these changes (each field left out prepared afresh from
     * the product, else kept as it is on the listing) and their field errors: for the listing's page to show them
     * in a form before the update is queued. Nothing is stored or sent.
     */
    @Transactional
    public Prepared updateFields(UUID id, Changes changes) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        return merged(tenant, listing, changes);
    }

    private Prepared merged(UUID tenant, ListingStore.Listing listing, Changes changes) {
        Changes typed = changes == null ? new Changes(null, null, null, null, null, null, null, null, null) : changes;
        ListingDrafts.Completed completed = drafts.complete(new Draft(listing.accountId(), listing.variantId(),
                typed.title(), typed.description(), typed.price(), typed.catalogId(), typed.statusId(), typed.brand(),
                typed.sizeId(), typed.colorIds(), typed.brandId()));
        Draft d = completed.draft();
        Draft merged = new Draft(listing.accountId(), listing.variantId(), or(d.title(), listing.title()),
                or(d.description(), listing.description()), or(d.price(), listing.price()),
                or(d.catalogId(), listing.catalogId()), or(d.statusId(), listing.statusId()),
                or(d.brand(), listing.brand()), or(d.sizeId(), listing.sizeId()),
                d.colorIds() == null || d.colorIds().isEmpty() ? listing.colorIds() : d.colorIds(),
                or(d.brandId(), listing.brandId()));
        // The gaps of the product no longer matter where the listing already has a value.
        return check(tenant, new ListingDrafts.Completed(merged, java.util.Map.of()));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    /** Queues the withdrawal of the listing from its marketplace; 409 when it is not there. */
    @Transactional
    public PublicationJobStore.Job withdraw(UUID id) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        if (!listing.state().withdrawable()) {
            throw new ConflictException("listing-state", "The listing is " + listing.state() + ": nothing to withdraw");
        }
        if (jobs.open(tenant, id, JobKind.WITHDRAW)) {
            throw new ConflictException("job-open", "A withdrawal of this listing is already queued");
        }
        return queue(tenant, listing, JobKind.WITHDRAW);
    }

    /** Queues a status check of the listing (sold, hidden, closed on the marketplace). */
    @Transactional
    public PublicationJobStore.Job sync(UUID id) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        ListingStore.Listing listing = listings.find(tenant, id).orElseThrow(() -> new NotFoundException("listing", id));
        return queue(tenant, listing, JobKind.SYNC);
    }

    /**
     * Queues a check of the business's published listings not checked since {@code checkedBefore} (at most
     * {@code limit}, those checked longest ago first; listings of a paused or disconnected account, or with a job
     * already open, wait for the next sweep). A system act: no user's permission is asked.
     */
    @Transactional
    public List<UUID> syncStale(Instant checkedBefore, int limit) {
        UUID tenant = tenantContext.requireTenant();
        List<UUID> queued = new ArrayList<>();
        for (ListingStore.Listing listing : listings.staleLive(tenant, clock.instant(), checkedBefore, limit)) {
            queued.add(queue(tenant, listing, JobKind.SYNC).id());
        }
        return queued;
    }

    /**
     * Queues the withdrawal of the live listings of those variants that have no unit available any more (a sale in
     * Comptoir took the last one). A system act: no user's permission is asked.
     */
    @Transactional
    public List<UUID> withdrawSoldOut(List<UUID> variants) {
        UUID tenant = tenantContext.requireTenant();
        java.util.Map<UUID, Integer> available = stock.available(variants);
        List<UUID> queued = new ArrayList<>();
        for (UUID variant : variants) {
            if (available.getOrDefault(variant, 0) > 0) {
                continue;
            }
            for (ListingStore.Listing listing : listings.liveOfVariant(tenant, variant)) {
                if (!jobs.open(tenant, listing.id(), JobKind.WITHDRAW)) {
                    listings.event(tenant, listing.id(), clock.instant(), "SOLD_ELSEWHERE", "no unit left in Comptoir");
                    queued.add(queue(tenant, listing, JobKind.WITHDRAW).id());
                }
            }
        }
        return queued;
    }

    /** Queues the withdrawal of the variant's live listings other than the one sold on its marketplace. */
    @Transactional
    public List<UUID> withdrawOthers(UUID variant, UUID sold) {
        UUID tenant = tenantContext.requireTenant();
        List<UUID> queued = new ArrayList<>();
        for (ListingStore.Listing listing : listings.liveOfVariant(tenant, variant)) {
            if (!listing.id().equals(sold) && !jobs.open(tenant, listing.id(), JobKind.WITHDRAW)) {
                listings.event(tenant, listing.id(), clock.instant(), "SOLD_ELSEWHERE", "sold on another channel");
                queued.add(queue(tenant, listing, JobKind.WITHDRAW).id());
            }
        }
        return queued;
    }

    private PublicationJobStore.Job queue(UUID tenant, ListingStore.Listing listing, JobKind kind) {
        Instant now = clock.instant();
        UUID jobId = Ids.newId();
        jobs.insert(tenant, jobId, listing.id(), listing.accountId(), kind, now);
        listings.event(tenant, listing.id(), now, "QUEUED", kind.name());
        dispatch.plan(tenant, jobId, now);
        return jobs.find(tenant, jobId).orElseThrow();
    }
}
