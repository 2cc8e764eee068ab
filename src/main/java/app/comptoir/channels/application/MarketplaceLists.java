package app.comptoir.channels.application;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.PauseRule;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.MarketplaceListStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;

/**
 * The marketplace's own lists (its categories, brands, sizes, conditions, colours and their ids) fetched through an
 * account's session and kept per account, so that a person maps our values to the right ids by browsing and searching
 * them instead of typing numbers. Fetching is a read: it takes no write slot of the rate cap. It is not attempted for a
 * paused or expired account nor for the demo's made-up session; a 429 or an anti-bot challenge pauses the account as
 * for a job. Readers see what was fetched; those who may change the catalog fetch what is missing and refresh.
 */
@Service
public class MarketplaceLists {

    /** One entry: the marketplace's id, its name, and what it belongs to (a category's parents, a size's group). */
    public record Entry(long id, String label, String group) {
    }

    /** A page of a list (searched), with when it was fetched (null: never yet). */
    public record Found(UUID accountId, MappingKind kind, String keyword, Instant fetchedAt,
                        PageResponse<Entry> entries) {
    }

    static final int KEYWORD_MAX = 60;

    private final MarketplaceListStore store;
    private final AccountStore accounts;
    private final ChannelSecrets secrets;
    private final WriteSlots slots;
    private final Map<String, MarketplaceAdapter> adapters;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;

    MarketplaceLists(MarketplaceListStore store, AccountStore accounts, ChannelSecrets secrets, WriteSlots slots,
                     List<MarketplaceAdapter> adapters, Permissions permissions, TenantContext tenantContext,
                     PlatformTransactionManager transactionManager, Clock clock, JsonMapper json) {
        this.store = store;
        this.accounts = accounts;
        this.secrets = secrets;
        this.slots = slots;
        this.adapters = adapters.stream().collect(Collectors.toMap(MarketplaceAdapter::kind, Function.identity()));
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.json = json;
    }

    /**
     * A page of the account's list of that kind, its entries matching {@code query} (in the name, the group, or the
     * id itself; case and accents ignored): as fetched before, or fetched now when it never was and the user may
     * change the catalog. Brands are fetched by {@code keyword} (Vinted searches its brands by name).
     */
    public Found find(UUID accountId, String kind, String keyword, String query, int page, int size) {
        permissions.require(Permission.READ);
        MappingKind k = kind(kind);
        AccountStore.Stored account = account(accountId);
        String word = keyword(k, keyword);
        Optional<MarketplaceListStore.Cached> cached = read(account, k, word);
        if (cached.isEmpty() && permissions.has(Permission.CATALOG_WRITE)
                && (k != MappingKind.BRAND || !word.isEmpty())) {
            cached = Optional.of(fetch(account, k, word));
        }
        return found(account, k, word, cached, query, page, size);
    }

    /** Fetches the account's list of that kind again from the marketplace; its first page. */
    public Found refresh(UUID accountId, String kind, String keyword) {
        permissions.require(Permission.CATALOG_WRITE);
        MappingKind k = kind(kind);
        AccountStore.Stored account = account(accountId);
        String word = keyword(k, keyword);
        return found(account, k, word, Optional.of(fetch(account, k, word)), null, 0, 50);
    }

    /** Every entry of the list as fetched before (none when never fetched), for a page to offer them. */
    public List<Entry> cached(UUID accountId, MappingKind kind, String keyword) {
        permissions.require(Permission.READ);
        return read(account(accountId), kind, keyword(kind, keyword)).map(this::entries).orElse(List.of());
    }

    private Found found(AccountStore.Stored account, MappingKind kind, String keyword,
                        Optional<MarketplaceListStore.Cached> cached, String query, int page, int size) {
        int p = Math.clamp(page, 0, 100_000);
        int s = Math.clamp(size, 1, 200);
        List<Entry> matching = cached.map(this::entries).orElse(List.of()).stream()
                .filter(matcher(query)).toList();
        List<Entry> items = matching.stream().skip((long) p * s).limit(s).toList();
        return new Found(account.id(), kind, keyword, cached.map(MarketplaceListStore.Cached::fetchedAt).orElse(null),
                new PageResponse<>(items, matching.size(), p, s));
    }

    private Optional<MarketplaceListStore.Cached> read(AccountStore.Stored account, MappingKind kind, String keyword) {
        return transactions.execute(s -> store.find(account.tenantId(), account.id(), kind.name(), keyword));
    }

    /** Asks the marketplace (outside any transaction: its answer may take seconds) and keeps the answer. */
    private MarketplaceListStore.Cached fetch(AccountStore.Stored account, MappingKind kind, String keyword) {
        Instant now = clock.instant();
        if ("EXPIRED".equals(account.status()) || account.secrets() == null) {
            throw new ConflictException("account-expired",
                    "The marketplace session expired: reconnect the account with the extension");
        }
        if (account.pausedUntil() != null && account.pausedUntil().isAfter(now)) {
            throw new ConflictException("account-paused", "The account is paused until " + account.pausedUntil()
                    + ": nothing is asked of the marketplace before");
        }
        MarketplaceAdapter adapter = adapters.get(account.kind());
        if (adapter == null) {
            throw new ConflictException("marketplace-unavailable", "No adapter for " + account.kind());
        }
        ChannelSecrets.Session session = transactions.execute(s -> {
            try {
                return secrets.open(account);
            } catch (SecretSeal.Unreadable e) {
                throw new ConflictException("account-expired", "The stored session does not open: reconnect the account");
            }
        });
        if (session.cookies().containsKey(ChannelSecrets.DEMO_COOKIE)) {
            throw new ConflictException("demo-account", "Demo account: nothing is fetched from the marketplace");
        }
        MarketplaceAdapter.Credentials credentials = new MarketplaceAdapter.Credentials(account.host(),
                session.cookies(), session.csrfToken(), session.anonId(), account.userId() == null ? 0 : account.userId());
        List<MarketplaceAdapter.ListEntry> fetched;
        try {
            fetched = adapter.list(credentials, kind, keyword);
        } catch (MarketplaceException e) {
            throw refused(account, e);
        }
        List<Entry> entries = fetched.stream().map(e -> new Entry(e.id(), e.label(), e.group())).toList();
        String text = json.writeValueAsString(entries);
        transactions.executeWithoutResult(s -> store.save(account.tenantId(), account.id(), kind.name(), keyword, text,
                now));
        return new MarketplaceListStore.Cached(text, now);
    }

    /** The marketplace's refusal, with the same reaction as a job's: a pause, an expired session. */
    private ConflictException refused(AccountStore.Stored account, MarketplaceException e) {
        switch (e.kind()) {
            case RATE_LIMITED, CHALLENGED -> {
                Instant until = slots.pause(account.tenantId(), account.id(), e.kind() == MarketplaceException.Kind
                        .RATE_LIMITED ? PauseRule.Cause.RATE_LIMITED : PauseRule.Cause.CHALLENGED, e.getMessage());
                return new ConflictException("account-paused", e.getMessage() + ": the account is paused until " + until);
            }
            case SESSION_EXPIRED -> {
                transactions.executeWithoutResult(s -> accounts.status(account.tenantId(), account.id(), "EXPIRED",
                        e.getMessage(), clock.instant()));
                return new ConflictException("account-expired", e.getMessage());
            }
            default -> {
                return new ConflictException("marketplace-unavailable", e.getMessage());
            }
        }
    }

    private List<Entry> entries(MarketplaceListStore.Cached cached) {
        return json.readValue(cached.entries(), new TypeReference<List<Entry>>() { });
    }

    private AccountStore.Stored account(UUID id) {
        UUID tenant = tenantContext.requireTenant();
        return transactions.execute(s -> accounts.find(tenant, id)).orElseThrow(() -> new NotFoundException("account", id));
    }

    private static MappingKind kind(String name) {
        return MappingKind.parse(name).orElseThrow(() -> new NotFoundException("list", name));
    }

    /** Brands are fetched per keyword (case ignored); the other lists whole. */
    private static String keyword(MappingKind kind, String keyword) {
        if (kind != MappingKind.BRAND || keyword == null) {
            return "";
        }
        String word = keyword.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return word.length() > KEYWORD_MAX ? word.substring(0, KEYWORD_MAX) : word;
    }

    private static java.util.function.Predicate<Entry> matcher(String query) {
        String q = plain(query);
        if (q.isEmpty()) {
            return e -> true;
        }
        return e -> plain(e.label()).contains(q) || plain(e.group()).contains(q) || String.valueOf(e.id()).equals(q);
    }

    private static String plain(String text) {
        return text == null ? "" : Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
