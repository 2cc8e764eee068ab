package app.comptoir.channels.persistence;

import static app.comptoir.channels.persistence.AccountStore.instant;
import static app.comptoir.channels.persistence.AccountStore.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.channels.domain.ListingState;

/** Every SQL text of listings ({@code channel_listings}) and their history ({@code channel_listing_events}). */
@Repository
public class ListingStore {

    /** A listing with the fields sent to the marketplace. */
    public record Listing(UUID id, UUID accountId, UUID variantId, String title, String description, BigDecimal price,
                          String currency, Long catalogId, Long statusId, String brand, Long sizeId,
                          List<Long> colorIds, ListingState state, Long remoteId, Instant publishedAt, Instant soldAt,
                          Instant createdAt, Long brandId) {
    }

    /** One line of a listing's publication history. */
    public record Event(Instant at, String what, String detail) {
    }

    private static final String COLUMNS = "id, account_id, variant_id, title, description, price, currency,"
            + " catalog_id, status_id, brand, size_id, color_ids, state, remote_id, published_at, sold_at, created_at,"
            + " brand_id";
    /** The same columns, of the listing aliased {@code l}. */
    private static final String COLUMNS_OF_L = java.util.Arrays.stream(COLUMNS.split(","))
            .map(column -> "l." + column.strip()).collect(java.util.stream.Collectors.joining(", "));

    private final JdbcClient jdbc;

    ListingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenant, Listing l) {
        jdbc.sql("insert into channel_listings (id, tenant_id, account_id, variant_id, title, description, price,"
                        + " currency, catalog_id, status_id, brand, size_id, color_ids, state, created_at, updated_at, brand_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(l.id(), tenant, l.accountId(), l.variantId(), l.title(), l.description(), l.price(),
                        l.currency(), l.catalogId(), l.statusId(), l.brand(), l.sizeId(), colors(l.colorIds()),
                        l.state().name(), ts(l.createdAt()), ts(l.createdAt()), l.brandId())
                .update();
    }

    public Optional<Listing> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_listings where tenant_id = ? and id = ?")
                .params(tenant, id).query(ListingStore::map).optional();
    }

    public List<Listing> all(UUID tenant, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from channel_listings where tenant_id = ?"
                        + " order by created_at desc, id limit ? offset ?")
                .params(tenant, limit, offset).query(ListingStore::map).list();
    }

    public long count(UUID tenant) {
        return jdbc.sql("select count(*) from channel_listings where tenant_id = ?").param(tenant)
                .query(Long.class).single();
    }

    /**
     * Published listings of usable accounts (connected, not paused at {@code now}) with no open job, whose last check
     * (or publication) is older than {@code checkedBefore}, those checked longest ago first.
     */
    public List<Listing> staleLive(UUID tenant, Instant now, Instant checkedBefore, int limit) {
        return jdbc.sql("select " + COLUMNS_OF_L + " from channel_listings l"
                        + " join channel_accounts a on a.tenant_id = l.tenant_id and a.id = l.account_id"
                        + " left join lateral (select max(j.finished_at) at from channel_jobs j where j.tenant_id = l.tenant_id"
                        + "  and j.listing_id = l.id and j.kind = 'SYNC') checked on true"
                        + " where l.tenant_id = ? and l.state = 'PUBLISHED' and a.status = 'CONNECTED'"
                        + " and (a.paused_until is null or a.paused_until <= ?)"
                        + " and not exists (select 1 from channel_jobs o where o.tenant_id = l.tenant_id"
                        + "  and o.listing_id = l.id and o.state in ('PENDING', 'RUNNING', 'PAUSED'))"
                        + " and coalesce(checked.at, l.published_at, l.created_at) < ?"
                        + " order by coalesce(checked.at, l.published_at, l.created_at), l.id limit ?")
                .params(tenant, AccountStore.ts(now), AccountStore.ts(checkedBefore), limit)
                .query(ListingStore::map).list();
    }

    /** The listings of a variant still on their marketplace (or on their way there). */
    public List<Listing> liveOfVariant(UUID tenant, UUID variant) {
        return jdbc.sql("select " + COLUMNS + " from channel_listings where tenant_id = ? and variant_id = ?"
                        + " and state in ('PUBLISHING', 'PUBLISHED')")
                .params(tenant, variant).query(ListingStore::map).list();
    }

    public void state(UUID tenant, UUID id, ListingState state, Instant at) {
        jdbc.sql("update channel_listings set state = ?, updated_at = ?, updated_by = null where tenant_id = ? and id = ?")
                .params(state.name(), ts(at), tenant, id).update();
    }

    /** Stores the fields the listing sends to its marketplace (an update under way); the state stays as it is. */
    public void fields(UUID tenant, Listing l, Instant at) {
        jdbc.sql("update channel_listings set title = ?, description = ?, price = ?, catalog_id = ?, status_id = ?,"
                        + " brand = ?, size_id = ?, color_ids = ?, brand_id = ?, updated_at = ?, updated_by = null"
                        + " where tenant_id = ? and id = ?")
                .params(l.title(), l.description(), l.price(), l.catalogId(), l.statusId(), l.brand(), l.sizeId(),
                        colors(l.colorIds()), l.brandId(), ts(at), tenant, l.id())
                .update();
    }

    public void published(UUID tenant, UUID id, long remoteId, Instant at) {
        jdbc.sql("update channel_listings set state = 'PUBLISHED', remote_id = ?, published_at = ?, updated_at = ?,"
                        + " updated_by = null where tenant_id = ? and id = ?")
                .params(remoteId, ts(at), ts(at), tenant, id).update();
    }

    public void sold(UUID tenant, UUID id, Instant at) {
        jdbc.sql("update channel_listings set state = 'SOLD', sold_at = ?, updated_at = ?, updated_by = null"
                        + " where tenant_id = ? and id = ?")
                .params(ts(at), ts(at), tenant, id).update();
    }

    public void event(UUID tenant, UUID listing, Instant at, String what, String detail) {
        jdbc.sql("insert into channel_listing_events (tenant_id, listing_id, at, what, detail) values (?, ?, ?, ?, ?)")
                .params(tenant, listing, ts(at), what, detail).update();
    }

    public List<Event> history(UUID tenant, UUID listing) {
        return jdbc.sql("select at, what, detail from channel_listing_events where tenant_id = ? and listing_id = ?"
                        + " order by at, what")
                .params(tenant, listing)
                .query((rs, i) -> new Event(instant(rs, "at"), rs.getString("what"), rs.getString("detail"))).list();
    }

    private static String colors(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Listing map(ResultSet rs, int i) throws SQLException {
        String colors = rs.getString("color_ids");
        return new Listing(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getObject("variant_id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getBigDecimal("price"), rs.getString("currency"), (Long) rs.getObject("catalog_id"),
                (Long) rs.getObject("status_id"), rs.getString("brand"), (Long) rs.getObject("size_id"),
                colors == null ? List.of() : Arrays.stream(colors.split(",")).map(Long::valueOf).toList(),
                ListingState.valueOf(rs.getString("state")), (Long) rs.getObject("remote_id"),
                instant(rs, "published_at"), instant(rs, "sold_at"), instant(rs, "created_at"),
                (Long) rs.getObject("brand_id"));
    }
}
