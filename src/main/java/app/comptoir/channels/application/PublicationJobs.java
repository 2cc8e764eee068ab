package app.comptoir.channels.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.channels.domain.JobKind;
import app.comptoir.channels.domain.JobState;
import app.comptoir.channels.domain.ListingState;
import app.comptoir.channels.domain.PauseRule;
import app.comptoir.channels.domain.RateCap;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.PublicationJobStore;
import app.comptoir.channels.persistence.ListingStore;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.StockMovements;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;

/**
 * Runs publication jobs. {@link #run} claims one job through the database (only one runner of any node gets it),
 * takes a write slot of the account's rate cap before each mutating request, and reacts to the marketplace's answer:
 * a 429 or an anti-bot challenge pauses the account and the job; at the cap the job waits (it does not fail); a
 * request whose outcome is unknown (timeout, 5xx) is not sent again blindly: the next attempt of a publish first
 * looks for the item in the account's wardrobe, and an update looks at the item (it never writes to one sold
 * meanwhile). The runner knows no marketplace: it asks the account's {@link MarketplaceAdapter}.
 */
@Component
public class PublicationJobs {

    private static final Logger log = LoggerFactory.getLogger(PublicationJobs.class);

    /** What became of a run: nothing to do, finished, or to be run again at {@code at}. */
    public record Outcome(JobState state, Instant nextAt) {
    }

    private final PublicationJobStore jobs;
    private final ListingStore listings;
    private final AccountStore accounts;
    private final ChannelSecrets secrets;
    private final WriteSlots slots;
    private final Map<String, MarketplaceAdapter> adapters;
    private final TenantContext tenantContext;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ChannelSettings settings;
    private final StockMovements stock;
    private final Listings others;
    private final ListingPhotos photos;

    PublicationJobs(PublicationJobStore jobs, ListingStore listings, AccountStore accounts, ChannelSecrets secrets,
                    WriteSlots slots, List<MarketplaceAdapter> adapters, TenantContext tenantContext,
                    PlatformTransactionManager transactionManager, Clock clock, ChannelSettings settings,
                    StockMovements stock, Listings others, ListingPhotos photos) {
        this.photos = photos;
        this.stock = stock;
        this.others = others;
        this.jobs = jobs;
        this.listings = listings;
        this.accounts = accounts;
        this.secrets = secrets;
        this.slots = slots;
        this.adapters = adapters.stream().collect(Collectors.toMap(MarketplaceAdapter::kind, Function.identity()));
        this.tenantContext = tenantContext;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.settings = settings;
    }

    /** Runs every job of the business that is due now, one after the other; returns how each ended. */
    public List<Outcome> runDue(UUID tenant) {
        List<UUID> due = tenantContext.callAs(tenant, () -> transactions.execute(s -> jobs.due(tenant, clock.instant())));
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID id : due) {
            run(tenant, id).ifPresent(outcomes::add);
        }
        return outcomes;
    }

    /** Runs the job if it is due and no other runner holds it; empty when it was not this runner's to run. */
    public Optional<Outcome> run(UUID tenant, UUID jobId) {
        return tenantContext.callAs(tenant, () -> {
            Optional<PublicationJobStore.Job> claimed = transactions.execute(s -> jobs.claim(tenant, jobId, clock.instant()));
            return claimed.map(this::perform);
        });
    }

    private Outcome perform(PublicationJobStore.Job job) {
        UUID tenant = job.tenantId();
        ListingStore.Listing listing = read(() -> listings.find(tenant, job.listingId()).orElseThrow());
        AccountStore.Stored account = read(() -> accounts.find(tenant, job.accountId()).orElseThrow());
        MarketplaceAdapter adapter = adapters.get(account.kind());
        if (adapter == null) {
            return fail(job, listing, "No adapter for " + account.kind());
        }
        if ("EXPIRED".equals(account.status())) {
            return fail(job, listing, "The marketplace session expired: reconnect the account with the extension");
        }
        MarketplaceAdapter.Credentials credentials;
        try {
            ChannelSecrets.Session session = transactions.execute(s -> {
                try {
                    return secrets.open(account);
                } catch (SecretSeal.Unreadable e) {
                    throw new IllegalStateException(e.getMessage());
                }
            });
            credentials = new MarketplaceAdapter.Credentials(account.host(), session.cookies(), session.csrfToken(),
                    session.anonId(), account.userId() == null ? 0 : account.userId());
        } catch (IllegalStateException e) {
            return fail(job, listing, "The stored session does not open (" + e.getMessage() + ")");
        }
        if (credentials.cookies().containsKey(ChannelSecrets.DEMO_COOKIE)) {
            return fail(job, listing, "Demo account: nothing is sent to the marketplace");
        }
        try {
            return switch (job.kind()) {
                case PUBLISH -> publish(job, listing, adapter, credentials);
                case UPDATE -> update(job, listing, adapter, credentials);
                case WITHDRAW -> withdraw(job, listing, adapter, credentials);
                case SYNC -> sync(job, listing, adapter, credentials);
            };
        } catch (MarketplaceException e) {
            return refused(job, listing, e);
        } catch (RuntimeException e) {
            log.warn("Channel job {} of business {} failed", job.id(), tenant, e);
            return fail(job, listing, "Unexpected error: " + e.getClass().getSimpleName());
        }
    }

    private Outcome publish(PublicationJobStore.Job job, ListingStore.Listing listing, MarketplaceAdapter adapter,
                            MarketplaceAdapter.Credentials credentials) {
        UUID tenant = job.tenantId();
        if (job.outcomeUnknown()) {
            // The last attempt may have created the item: look before sending it again.
            Optional<MarketplaceAdapter.RemoteItem> there = adapter.wardrobe(credentials).stream()
                    .filter(item -> item.title().equals(listing.title())
                            && item.price().compareTo(listing.price()) == 0)
                    .findFirst();
            if (there.isPresent()) {
                return succeed(job, listing, "FOUND_AFTER_UNKNOWN", there.get().id(), "found in the wardrobe: "
                        + there.get().id());
            }
        }
        List<MarketplaceAdapter.Photo> uploaded = new ArrayList<>();
        Optional<Outcome> waiting = uploadPhotos(job, listing, adapter, credentials, uploaded);
        if (waiting.isEmpty()) {
            waiting = slot(job, "publish");
        }
        if (waiting.isPresent()) {
            return waiting.get();
        }
        long remoteId = adapter.publish(credentials, item(listing), uploaded, job.uploadSession());
        slots.wentThrough(tenant, job.accountId());
        return succeed(job, listing, "PUBLISHED", remoteId, "item " + remoteId);
    }

    /**
     * Uploads the product's pictures into {@code uploaded}, one write of the cap each; those an earlier attempt of the
     * job uploaded are kept (remembered across waits) and not sent again. Present when the cap says wait first.
     */
    private Optional<Outcome> uploadPhotos(PublicationJobStore.Job job, ListingStore.Listing listing,
                                           MarketplaceAdapter adapter, MarketplaceAdapter.Credentials credentials,
                                           List<MarketplaceAdapter.Photo> uploaded) {
        UUID tenant = job.tenantId();
        read(() -> jobs.photos(tenant, job.id())).forEach(p -> uploaded.add(new MarketplaceAdapter.Photo(p.id(), p.url())));
        int wanted = read(() -> photos.count(listing.variantId()));
        while (uploaded.size() < wanted) {
            Optional<Outcome> waiting = slot(job, "photo");
            if (waiting.isPresent()) {
                return waiting;
            }
            int index = uploaded.size();
            ListingPhotos.Picture picture = read(() -> photos.picture(listing.variantId(), index));
            MarketplaceAdapter.Photo sent = adapter.uploadPhoto(credentials, picture.bytes(), picture.fileName());
            slots.wentThrough(tenant, job.accountId());
            PublicationJobStore.UploadedPhoto photo = new PublicationJobStore.UploadedPhoto(sent.id(), sent.url());
            transactions.executeWithoutResult(s -> jobs.photoUploaded(tenant, job.id(), photo));
            uploaded.add(sent);
        }
        return Optional.empty();
    }

    /**
     * Sends the listing's fields and the product's current pictures (uploaded first, as for a publication) to the
     * published item. The item's fields are replaced as a whole, so sending them twice changes nothing; after an
     * unknown outcome the job still looks at the item first, and does not write to one that was sold or closed
     * meanwhile.
     */
    private Outcome update(PublicationJobStore.Job job, ListingStore.Listing listing, MarketplaceAdapter adapter,
                           MarketplaceAdapter.Credentials credentials) {
        if (listing.remoteId() == null) {
            return fail(job, listing, "The listing is not on the marketplace");
        }
        if (job.outcomeUnknown()) {
            MarketplaceAdapter.RemoteItem item = adapter.item(credentials, listing.remoteId());
            if (item.sold() || item.closed()) {
                return fail(job, listing, "The item is no longer on sale on the marketplace (sold or closed)");
            }
        }
        List<MarketplaceAdapter.Photo> uploaded = new ArrayList<>();
        Optional<Outcome> waiting = uploadPhotos(job, listing, adapter, credentials, uploaded);
        if (waiting.isEmpty()) {
            waiting = slot(job, "update");
        }
        if (waiting.isPresent()) {
            return waiting.get();
        }
        adapter.update(credentials, listing.remoteId(), item(listing), uploaded);
        slots.wentThrough(job.tenantId(), job.accountId());
        String detail = uploaded.isEmpty() ? null : uploaded.size() + " photo(s)";
        return succeed(job, listing, "UPDATED", listing.remoteId(), detail);
    }

    private Outcome withdraw(PublicationJobStore.Job job, ListingStore.Listing listing, MarketplaceAdapter adapter,
                             MarketplaceAdapter.Credentials credentials) {
        if (listing.remoteId() == null) {
            return succeed(job, listing, "WITHDRAWN", null, "never reached the marketplace");
        }
        if (job.outcomeUnknown()) {
            MarketplaceAdapter.RemoteItem item = adapter.item(credentials, listing.remoteId());
            if (item.closed() || item.hidden()) {
                return succeed(job, listing, "WITHDRAWN", listing.remoteId(), "already gone");
            }
        }
        Optional<Outcome> waiting = slot(job, "withdraw");
        if (waiting.isPresent()) {
            return waiting.get();
        }
        adapter.withdraw(credentials, listing.remoteId());
        slots.wentThrough(job.tenantId(), job.accountId());
        return succeed(job, listing, "WITHDRAWN", listing.remoteId(), null);
    }

    private Outcome sync(PublicationJobStore.Job job, ListingStore.Listing listing, MarketplaceAdapter adapter,
                         MarketplaceAdapter.Credentials credentials) {
        if (listing.remoteId() == null) {
            return succeed(job, listing, "SYNCED", null, null);
        }
        MarketplaceAdapter.RemoteItem item = adapter.item(credentials, listing.remoteId());
        String what = item.sold() ? "SOLD" : "SYNCED";
        return succeed(job, listing, what, listing.remoteId(), null);
    }

    /** Takes a write slot; when the cap or a pause says wait, the job waits for it without counting the attempt. */
    private Optional<Outcome> slot(PublicationJobStore.Job job, String what) {
        RateCap.Decision decision = slots.take(job.tenantId(), job.accountId(), what);
        if (decision instanceof RateCap.Wait wait) {
            JobState state = "PAUSED".equals(wait.reason()) ? JobState.PAUSED : JobState.PENDING;
            transactions.executeWithoutResult(s -> jobs.postpone(job.tenantId(), job.id(), state, wait.until(),
                    "Waiting for the rate cap (" + wait.reason() + ") until " + wait.until(), false));
            return Optional.of(new Outcome(state, wait.until()));
        }
        return Optional.empty();
    }

    private Outcome refused(PublicationJobStore.Job job, ListingStore.Listing listing, MarketplaceException e) {
        UUID tenant = job.tenantId();
        Instant now = clock.instant();
        switch (e.kind()) {
            case RATE_LIMITED, CHALLENGED -> {
                PauseRule.Cause cause = e.kind() == MarketplaceException.Kind.RATE_LIMITED
                        ? PauseRule.Cause.RATE_LIMITED : PauseRule.Cause.CHALLENGED;
                Instant until = slots.pause(tenant, job.accountId(), cause, e.getMessage());
                transactions.executeWithoutResult(s -> {
                    jobs.postpone(tenant, job.id(), JobState.PAUSED, until, e.getMessage() + "; resumes at " + until, true);
                    listings.event(tenant, listing.id(), now, "PAUSED", e.getMessage() + "; resumes at " + until);
                });
                return new Outcome(JobState.PAUSED, until);
            }
            case SESSION_EXPIRED -> {
                transactions.executeWithoutResult(s -> accounts.status(tenant, job.accountId(), "EXPIRED",
                        e.getMessage(), now));
                return fail(job, listing, e.getMessage());
            }
            case OUTCOME_UNKNOWN -> {
                Instant retry = now.plus(settings.jobs().unknownRetry());
                transactions.executeWithoutResult(s -> {
                    jobs.unknownOutcome(tenant, job.id(), retry, e.getMessage());
                    listings.event(tenant, listing.id(), now, "UNKNOWN_OUTCOME", e.getMessage());
                });
                return new Outcome(JobState.PENDING, retry);
            }
            default -> {
                return fail(job, listing, e.getMessage());
            }
        }
    }

    private Outcome succeed(PublicationJobStore.Job job, ListingStore.Listing listing, String what, Long remoteId, String detail) {
        UUID tenant = job.tenantId();
        Instant now = clock.instant();
        boolean soldThere = job.kind() == JobKind.SYNC && "SOLD".equals(what)
                && listing.state() != ListingState.SOLD;
        transactions.executeWithoutResult(s -> {
            switch (job.kind()) {
                case PUBLISH -> listings.published(tenant, listing.id(), remoteId, now);
                case WITHDRAW -> listings.state(tenant, listing.id(), ListingState.WITHDRAWN, now);
                case SYNC -> {
                    if ("SOLD".equals(what)) {
                        listings.sold(tenant, listing.id(), now);
                    }
                }
                case UPDATE -> { }
            }
            jobs.finish(tenant, job.id(), JobState.SUCCEEDED, null, now);
            listings.event(tenant, listing.id(), now, what, detail);
        });
        if (soldThere) {
            soldOnMarketplace(job, listing);
        }
        return new Outcome(JobState.SUCCEEDED, null);
    }

    /**
     * The marketplace sold the item: the unit leaves the stock through inventory (a SALE movement whose id is the
     * job's, so a replay records it once) and the variant's other live listings are withdrawn.
     */
    private void soldOnMarketplace(PublicationJobStore.Job job, ListingStore.Listing listing) {
        UUID tenant = job.tenantId();
        try {
            stock.record(marketplaceSale(job.id(), listing.variantId(), listing.remoteId()));
        } catch (RuntimeException e) {
            transactions.executeWithoutResult(s -> listings.event(tenant, listing.id(), clock.instant(), "STOCK_NOT_MOVED",
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        others.withdrawOthers(listing.variantId(), listing.id());
    }

    /**
     * The SALE movement of the unit a marketplace sold: its id is the sync job's, so a replay records it once (the
     * demo records its Vinted sales the same way).
     */
    public static MovementRequest marketplaceSale(UUID jobId, UUID variantId, Long remoteId) {
        return new MovementRequest(jobId, variantId, MovementType.SALE, 1, null, null,
                "Vendu sur une place de marché", "MARKETPLACE-" + remoteId);
    }

    private Outcome fail(PublicationJobStore.Job job, ListingStore.Listing listing, String error) {
        UUID tenant = job.tenantId();
        Instant now = clock.instant();
        transactions.executeWithoutResult(s -> {
            if (job.kind() == JobKind.PUBLISH) {
                listings.state(tenant, listing.id(), ListingState.FAILED, now);
            }
            jobs.finish(tenant, job.id(), JobState.FAILED, error, now);
            listings.event(tenant, listing.id(), now, "FAILED", job.kind() + ": " + error);
        });
        return new Outcome(JobState.FAILED, null);
    }

    private <T> T read(java.util.function.Supplier<T> query) {
        return transactions.execute(s -> query.get());
    }

    static MarketplaceAdapter.Item item(ListingStore.Listing listing) {
        return new MarketplaceAdapter.Item(listing.title(), listing.description(), listing.price(), listing.currency(),
                listing.catalogId(), listing.brand(), listing.sizeId(), listing.statusId(), listing.colorIds(),
                listing.brandId());
    }
}
