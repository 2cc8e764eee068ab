package app.comptoir.channels.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every SQL text of the marketplace's lists as last fetched per account ({@code channel_marketplace_lists}). */
@Repository
public class MarketplaceListStore {

    /** A list as stored: its entries as JSON and when they were fetched. */
    public record Cached(String entries, Instant fetchedAt) {
    }

    private final JdbcClient jdbc;

    MarketplaceListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Cached> find(UUID tenant, UUID account, String kind, String keyword) {
        return jdbc.sql("select entries::text, fetched_at from channel_marketplace_lists where tenant_id = ?"
                        + " and account_id = ? and kind = ? and keyword = ?")
                .params(tenant, account, kind, keyword)
                .query((rs, i) -> new Cached(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** Stores a list as fetched now, in place of the one fetched before. */
    public void save(UUID tenant, UUID account, String kind, String keyword, String entries, Instant at) {
        jdbc.sql("insert into channel_marketplace_lists (tenant_id, account_id, kind, keyword, entries, fetched_at)"
                        + " values (?, ?, ?, ?, cast(? as jsonb), ?) on conflict (tenant_id, account_id, kind, keyword)"
                        + " do update set entries = excluded.entries, fetched_at = excluded.fetched_at")
                .params(tenant, account, kind, keyword, entries, AccountStore.ts(at)).update();
    }
}
