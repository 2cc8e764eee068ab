package app.comptoir.channels.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.channels.application.ChannelSecrets;
import app.comptoir.channels.application.PublicationJobs;
import app.comptoir.inventory.StockMovements;
import app.comptoir.inventory.StockQueries;
import app.comptoir.identity.TenantCreated;
import app.comptoir.platform.Ids;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;

/**
 * The second-hand reseller's Vinted: a connected account (a made-up session, sealed like a real one and marked as the
 * demo's, so the job runner never sends anything to the real Vinted for it), listings of its one-off items in every
 * state (drafts, published, sold, failed, withdrawn, one published after a pause) and four weeks of publication
 * history, so that the listings and statistics pages show something true. Every demo job is finished (succeeded or
 * failed): none is ever planned nor run. The listings agree with the demo stock, loaded before (the catalog's and
 * inventory's demo loaders have a higher precedence in the same after-commit phase): an item sold on Vinted leaves
 * the stock through inventory as a real sync takes it out (a SALE movement under the sync job's id); an item the shop
 * sold first was withdrawn from Vinted ("sold elsewhere"). Bulk inserts, deterministic (seeded by the slug), and
 * nothing for a business that already has an account.
 */
@Component
class ChannelsDemoData {

    private static final Logger log = LoggerFactory.getLogger(ChannelsDemoData.class);
    static final String SECOND_HAND = "seconde-main";
    private static final String[] BRANDS = {"Sézane", "Des Petits Hauts", "Maje", "Ba&sh", "Saint James", "Uniqlo",
            "Comptoir des Cotonniers", "Levi's", "Patagonia", "Ralph Lauren", "Carhartt", "Dockers", "Le Laboureur",
            "Baracuta", "Petit Bateau", "Jacadi", "Bonpoint", "Longchamp", "Hermès"};
    private static final long[] CATALOG_IDS = {1904, 1779, 1230, 257, 2050};
    private static final String[] REFUSALS = {
            "Vinted refused the request (HTTP 400): the brand is not known to Vinted",
            "Vinted refused the request (HTTP 422): a photo is required",
            "Vinted no longer accepts the session"};

    private final CatalogQueries catalog;
    private final ChannelSecrets secrets;
    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final StockQueries stock;
    private final StockMovements movements;

    ChannelsDemoData(CatalogQueries catalog, ChannelSecrets secrets, JdbcTemplate jdbc, TenantContext tenantContext,
                     PlatformTransactionManager transactionManager, Clock clock, StockQueries stock,
                     StockMovements movements) {
        this.stock = stock;
        this.movements = movements;
        this.catalog = catalog;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void seed(TenantCreated event) {
        if (!event.demo() || !SECOND_HAND.equals(event.slug())) {
            return;
        }
        long start = System.nanoTime();
        UUID tenant = event.tenantId();
        Integer listings = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            Boolean present = jdbc.queryForObject("select exists (select 1 from channel_accounts where tenant_id = ?)",
                    Boolean.class, tenant);
            return Boolean.TRUE.equals(present) ? 0 : seed(tenant, event.slug());
        }));
        if (listings != null && listings > 0) {
            log.info("Demo channels of {}: a Vinted account and {} listings ({} ms)", event.slug(), listings,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private int seed(UUID tenant, String slug) {
        List<VariantSummary> variants = new ArrayList<>(catalog.variants("", 0, 60).items());
        if (variants.isEmpty()) {
            return 0;
        }
        Random random = new Random(slug.hashCode());
        Instant now = clock.instant();
        UUID account = UUID.nameUUIDFromBytes(("comptoir-demo:vinted:" + slug).getBytes());
        SecretSeal.Sealed sealed = secrets.seal(tenant, account, new ChannelSecrets.Session(Map.of(
                "_vinted_fr_session", "demo-session-not-a-real-cookie", ChannelSecrets.DEMO_COOKIE, "1"),
                "demo-csrf-token", "demo-anon-id"));
        jdbc.update("insert into channel_accounts (id, tenant_id, kind, status, username, marketplace_user_id, host,"
                        + " secrets_encrypted, key_id, last_sync_at, created_at, updated_at)"
                        + " values (?, ?, 'VINTED_WEB', 'CONNECTED', 'secondemain.lyon', 48210377, 'www.vinted.fr', ?, ?, ?, ?, ?)",
                account, tenant, sealed.bytes(), sealed.keyId(), ts(now.minus(Duration.ofMinutes(12))),
                ts(now.minus(Duration.ofDays(40))), ts(now.minus(Duration.ofMinutes(12))));

        List<Object[]> listings = new ArrayList<>();
        List<Object[]> jobs = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        List<Object[]> writes = new ArrayList<>();
        List<Object[]> soldOnVinted = new ArrayList<>();
        Map<UUID, Integer> available = stock.available(variants.stream().map(VariantSummary::id).toList());
        long remote = 5_104_000_000L;
        for (int i = 0; i < variants.size(); i++) {
            VariantSummary v = variants.get(i);
            UUID id = Ids.newId();
            // The first few were listed today; the others over the last four weeks (all within the statistics' 30 days).
            Instant created = i < 4 ? now.minus(Duration.ofMinutes(40 + 50L * i))
                    : now.minus(Duration.ofHours(6 + random.nextInt(27 * 24)));
            String state = switch (i % 10) {
                case 0, 4 -> i < 4 ? "PUBLISHED" : "DRAFT";
                case 1, 2, 5 -> "PUBLISHED";
                case 3, 6, 7 -> i < 4 ? "PUBLISHED" : "SOLD";
                case 8 -> "FAILED";
                default -> "WITHDRAWN";
            };
            // An item the shop already sold (no unit left) was withdrawn from Vinted by that sale.
            boolean soldInShop = available.getOrDefault(v.id(), 0) <= 0;
            if (soldInShop && ("PUBLISHED".equals(state) || "SOLD".equals(state))) {
                state = "WITHDRAWN";
            }
            String label = v.label();
            String title = label.length() > 100 ? label.substring(0, 100) : label;
            BigDecimal price = v.price() == null || v.price().signum() <= 0 ? new BigDecimal("15.00") : v.price();
            Instant published = null;
            Instant sold = null;
            Long remoteId = null;
            events.add(event(tenant, id, created, "DRAFTED", null));
            if (!"DRAFT".equals(state)) {
                Instant queued = created.plus(Duration.ofMinutes(2 + random.nextInt(20)));
                events.add(event(tenant, id, queued, "QUEUED", "PUBLISH"));
                boolean paused = i % 10 == 5;
                Instant ran = queued.plus(Duration.ofSeconds(20 + random.nextInt(30)));
                if ("FAILED".equals(state)) {
                    String error = REFUSALS[i / 10 % REFUSALS.length];
                    jobs.add(job(tenant, id, account, "PUBLISH", "FAILED", 1, queued, error, ran, ran));
                    events.add(event(tenant, id, ran, "FAILED", "PUBLISH: " + error));
                    writes.add(write(tenant, account, ran, "publish"));
                } else {
                    if (paused) {
                        // Vinted said 429 once: the account paused 15 minutes, then the job went through.
                        Instant resumes = ran.plus(Duration.ofMinutes(15));
                        events.add(event(tenant, id, ran, "PAUSED", "Vinted: too many requests; resumes at " + resumes));
                        ran = resumes.plus(Duration.ofSeconds(5));
                    }
                    remoteId = remote + i * 7919L;
                    published = ran;
                    jobs.add(job(tenant, id, account, "PUBLISH", "SUCCEEDED", paused ? 2 : 1, queued, null,
                            ran.minus(Duration.ofSeconds(3)), ran));
                    events.add(event(tenant, id, ran, "PUBLISHED", "item " + remoteId));
                    writes.add(write(tenant, account, ran, "publish"));
                    if ("SOLD".equals(state) || "WITHDRAWN".equals(state)) {
                        Instant later = ran.plus(Duration.ofHours(20 + random.nextInt(9 * 24)));
                        if (later.isAfter(now)) {
                            later = now.minus(Duration.ofMinutes(30 + random.nextInt(120)));
                        }
                        if (later.isBefore(ran)) {
                            later = ran.plus(Duration.ofMinutes(5));
                        }
                        if ("SOLD".equals(state)) {
                            sold = later;
                            UUID sync = Ids.newId();
                            jobs.add(job(sync, tenant, id, account, "SYNC", "SUCCEEDED", 1, later, null, later, later));
                            soldOnVinted.add(new Object[] {sync, v.id(), remoteId});
                            events.add(event(tenant, id, later, "QUEUED", "SYNC"));
                            events.add(event(tenant, id, later.plusSeconds(4), "SOLD", null));
                        } else {
                            if (soldInShop) {
                                events.add(event(tenant, id, later, "SOLD_ELSEWHERE", "no unit left in Comptoir"));
                            }
                            events.add(event(tenant, id, later, "QUEUED", "WITHDRAW"));
                            jobs.add(job(tenant, id, account, "WITHDRAW", "SUCCEEDED", 1, later, null, later,
                                    later.plusSeconds(30)));
                            events.add(event(tenant, id, later.plusSeconds(30), "WITHDRAWN", null));
                            writes.add(write(tenant, account, later.plusSeconds(30), "withdraw"));
                        }
                    }
                }
            }
            Instant updated = sold != null ? sold : published != null ? published : created;
            listings.add(new Object[] {id, tenant, account, v.id(), title, description(v), price, "EUR",
                    CATALOG_IDS[i % CATALOG_IDS.length], (long) (1 + random.nextInt(4)), brand(v.productName()),
                    i % 3 == 0 ? null : (long) (206 + random.nextInt(6)), String.valueOf(1 + random.nextInt(12)),
                    state, remoteId, ts(published), ts(sold), ts(created), ts(updated)});
        }
        // Today's writes (publications, photo uploads) keep the account's rate badge alive (orange): 30 in the last two hours.
        for (int w = 0; w < 30; w++) {
            writes.add(write(tenant, account, now.minus(Duration.ofSeconds(90 + 220L * w)), w % 3 == 0 ? "publish" : "photo"));
        }
        jdbc.batchUpdate("insert into channel_listings (id, tenant_id, account_id, variant_id, title, description, price,"
                        + " currency, catalog_id, status_id, brand, size_id, color_ids, state, remote_id, published_at,"
                        + " sold_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                listings, new int[] {Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
                        Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT,
                        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.TIMESTAMP, Types.TIMESTAMP, Types.TIMESTAMP,
                        Types.TIMESTAMP});
        jdbc.batchUpdate("insert into channel_jobs (id, tenant_id, listing_id, account_id, kind, state, attempts,"
                        + " not_before, upload_session_id, error, created_at, started_at, finished_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", jobs,
                new int[] {Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
                        Types.INTEGER, Types.TIMESTAMP, Types.OTHER, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP,
                        Types.TIMESTAMP});
        jdbc.batchUpdate("insert into channel_listing_events (tenant_id, listing_id, at, what, detail)"
                + " values (?, ?, ?, ?, ?)", events,
                new int[] {Types.OTHER, Types.OTHER, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR});
        jdbc.batchUpdate("insert into channel_writes (tenant_id, account_id, at, what) values (?, ?, ?, ?)", writes);
        // What a sync does when Vinted reports the item sold: the unit leaves the stock through inventory.
        for (Object[] sale : soldOnVinted) {
            movements.record(PublicationJobs.marketplaceSale((UUID) sale[0], (UUID) sale[1], (Long) sale[2]));
        }
        return listings.size();
    }

    private static Object[] job(UUID tenant, UUID listing, UUID account, String kind, String state, int attempts,
                                Instant created, String error, Instant started, Instant finished) {
        return job(Ids.newId(), tenant, listing, account, kind, state, attempts, created, error, started, finished);
    }

    private static Object[] job(UUID id, UUID tenant, UUID listing, UUID account, String kind, String state,
                                int attempts, Instant created, String error, Instant started, Instant finished) {
        return new Object[] {id, tenant, listing, account, kind, state, attempts, ts(created),
                UUID.randomUUID(), error, ts(created), ts(started), ts(finished)};
    }

    private static Object[] event(UUID tenant, UUID listing, Instant at, String what, String detail) {
        return new Object[] {tenant, listing, ts(at), what, detail};
    }

    private static Object[] write(UUID tenant, UUID account, Instant at, String what) {
        return new Object[] {tenant, account, ts(at), what};
    }

    private static String description(VariantSummary v) {
        return v.productName() + ". Article de seconde main, vérifié et photographié par Seconde Main (Lyon 1er).";
    }

    private static String brand(String name) {
        for (String brand : BRANDS) {
            if (name.contains(brand)) {
                return brand;
            }
        }
        return null;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
