package app.comptoir.channels.persistence;

import static app.comptoir.channels.persistence.AccountStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.MappingTable;
import app.comptoir.channels.domain.PricingRule;

/** Every SQL text of the mapping tables ({@code channel_mappings}) and pricing rules ({@code channel_pricing_rules}). */
@Repository
public class MappingStore {

    private final JdbcClient jdbc;

    MappingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's own rows of one marketplace (all kinds when kind is null), by kind, scope and value. */
    public List<MappingTable.Row> rows(UUID tenant, String marketplace, MappingKind kind) {
        return jdbc.sql("select kind, our_value, scope, marketplace_id, label from channel_mappings"
                        + " where tenant_id = ? and marketplace = ? and (cast(? as varchar) is null or kind = ?)"
                        + " order by kind, scope, lower(our_value)")
                .params(tenant, marketplace, kind == null ? null : kind.name(), kind == null ? null : kind.name())
                .query((rs, i) -> new MappingTable.Row(MappingKind.valueOf(rs.getString("kind")),
                        rs.getString("our_value"), rs.getString("scope"), rs.getLong("marketplace_id"),
                        rs.getString("label")))
                .list();
    }

    /** Replaces the business's rows of one kind by these (one statement each; the caller's transaction). */
    public void replace(UUID tenant, String marketplace, MappingKind kind, List<MappingTable.Row> rows, Instant at) {
        jdbc.sql("delete from channel_mappings where tenant_id = ? and marketplace = ? and kind = ?")
                .params(tenant, marketplace, kind.name()).update();
        for (MappingTable.Row row : rows) {
            insert(tenant, marketplace, row, at);
        }
    }

    /** Adds a row, or changes the id and label of the row with the same value and scope. */
    public void upsert(UUID tenant, String marketplace, MappingTable.Row row, Instant at) {
        remove(tenant, marketplace, row.kind(), row.value(), row.scope());
        insert(tenant, marketplace, row, at);
    }

    /** Removes the row with this value and scope; true when there was one. */
    public boolean remove(UUID tenant, String marketplace, MappingKind kind, String value, String scope) {
        return jdbc.sql("delete from channel_mappings where tenant_id = ? and marketplace = ? and kind = ?"
                        + " and lower(our_value) = lower(?) and scope = ?")
                .params(tenant, marketplace, kind.name(), value, scope == null ? "" : scope).update() > 0;
    }

    private void insert(UUID tenant, String marketplace, MappingTable.Row row, Instant at) {
        jdbc.sql("insert into channel_mappings (tenant_id, marketplace, kind, our_value, scope, marketplace_id, label,"
                        + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(tenant, marketplace, row.kind().name(), row.value(), row.scope(), row.marketplaceId(),
                        row.label(), ts(at), ts(at))
                .update();
    }

    /** The business's pricing rule on a marketplace, if it set one. */
    public Optional<PricingRule> pricing(UUID tenant, String marketplace) {
        return jdbc.sql("select markup_percent, markup_fixed, rounding, minimum_price from channel_pricing_rules"
                        + " where tenant_id = ? and marketplace = ?")
                .params(tenant, marketplace)
                .query((rs, i) -> new PricingRule(rs.getBigDecimal("markup_percent"), rs.getBigDecimal("markup_fixed"),
                        PricingRule.Rounding.valueOf(rs.getString("rounding")), rs.getBigDecimal("minimum_price")))
                .optional();
    }

    public void savePricing(UUID tenant, String marketplace, PricingRule rule, Instant at) {
        jdbc.sql("insert into channel_pricing_rules (tenant_id, marketplace, markup_percent, markup_fixed, rounding,"
                        + " minimum_price, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id, marketplace) do update set markup_percent = excluded.markup_percent,"
                        + " markup_fixed = excluded.markup_fixed, rounding = excluded.rounding,"
                        + " minimum_price = excluded.minimum_price, updated_at = excluded.updated_at, updated_by = null")
                .params(tenant, marketplace, rule.markupPercent(), rule.markupFixed(), rule.rounding().name(),
                        rule.minimum(), ts(at), ts(at))
                .update();
    }
}
