package app.comptoir.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SqlLike;

/**
 * What the deployment's operator reads and changes: the {@code tenants} rows (not under row-level security), the
 * operator's journal {@code operator_actions} (deployment-wide, append-only), and one business's usage. The usage
 * counts read tables of other modules (users, products, orders, mails, channel listings), as a read model like
 * reporting's; they run in a transaction for that business ({@code TenantContext.callAs}), so row-level security
 * still applies: the operator reads one business at a time through the same path as the scheduled jobs, never
 * with it turned off.
 */
@Repository
public class OperatorStore {

    /** A business as the console lists it. */
    public record BusinessRow(UUID id, String name, String slug, String kind, boolean demo, String plan,
                              Instant createdAt, Instant suspendedAt, String suspensionReason) {
    }

    /** How much of the service one business uses. */
    public record UsageRow(long users, long products, long orders, long mailsSent, long publications) {
    }

    /** One act of an operator. */
    public record ActionRow(UUID id, Instant at, UUID operatorId, String operatorEmail, String action, UUID businessId,
                            String businessName, String reason, String details) {
    }

    private static final String BUSINESS_COLUMNS = """
            id, name, slug, kind, demo, plan, created_at, suspended_at, suspension_reason""";

    private final JdbcClient jdbc;

    public OperatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of businesses whose name or address contains {@code q} (blank: all), by name. */
    public List<BusinessRow> businesses(String q, int offset, int limit) {
        return jdbc.sql("select " + BUSINESS_COLUMNS + " from tenants where " + MATCH
                        + " order by lower(name), id limit :limit offset :offset")
                .param("q", q).param("like", SqlLike.contains(q.toLowerCase(java.util.Locale.ROOT)))
                .param("limit", limit).param("offset", offset)
                .query(OperatorStore::business).list();
    }

    private static final String MATCH = "(:q = '' or lower(name) like :like escape '\\' or slug like :like escape '\\')";

    public long countBusinesses(String q) {
        return jdbc.sql("select count(*) from tenants where " + MATCH)
                .param("q", q).param("like", SqlLike.contains(q.toLowerCase(java.util.Locale.ROOT)))
                .query(Long.class).single();
    }

    public Optional<BusinessRow> business(UUID id) {
        return jdbc.sql("select " + BUSINESS_COLUMNS + " from tenants where id = :id").param("id", id)
                .query(OperatorStore::business).optional();
    }

    /** The business's usage; run in a transaction for that business (row-level security lets its rows through). */
    public UsageRow usage(UUID tenantId) {
        return jdbc.sql("""
                select (select count(*) from users where tenant_id = :t and deleted_at is null),
                       (select count(*) from products where tenant_id = :t and deleted_at is null),
                       (select count(*) from sales_orders where tenant_id = :t),
                       (select count(*) from mails where tenant_id = :t and status = 'SENT'),
                       (select count(*) from channel_listings where tenant_id = :t and published_at is not null)""")
                .param("t", tenantId)
                .query((rs, n) -> new UsageRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .single();
    }

    /** The business's live users and products (in a transaction for that business), for its plan's quotas. */
    public long users(UUID tenantId) {
        return jdbc.sql("select count(*) from users where tenant_id = :t and deleted_at is null").param("t", tenantId)
                .query(Long.class).single();
    }

    public long products(UUID tenantId) {
        return jdbc.sql("select count(*) from products where tenant_id = :t and deleted_at is null").param("t", tenantId)
                .query(Long.class).single();
    }

    /** Suspends the business unless it already is; false when it was. */
    public boolean suspend(UUID id, String reason, Instant at) {
        return jdbc.sql("""
                update tenants set suspended_at = :at, suspension_reason = :reason
                where id = :id and suspended_at is null""")
                .param("id", id).param("reason", reason).param("at", at(at)).update() == 1;
    }

    /** Reopens the business; false when it was not suspended. */
    public boolean resume(UUID id) {
        return jdbc.sql("""
                update tenants set suspended_at = null, suspension_reason = null
                where id = :id and suspended_at is not null""")
                .param("id", id).update() == 1;
    }

    public void changePlan(UUID id, String plan) {
        jdbc.sql("update tenants set plan = :plan where id = :id").param("id", id).param("plan", plan).update();
    }

    /** The business's plan and whether it is suspended: one row read by key, no row-level security on it. */
    public Optional<String> plan(UUID id) {
        return jdbc.sql("select plan from tenants where id = :id").param("id", id).query(String.class).optional();
    }

    /** The suspension reason of a suspended business; empty when it is open or unknown. */
    public Optional<String> suspension(UUID id) {
        return jdbc.sql("select suspension_reason from tenants where id = :id and suspended_at is not null")
                .param("id", id).query((rs, n) -> rs.getString(1) == null ? "" : rs.getString(1)).optional();
    }

    /** Whether the business at this address is suspended. */
    public boolean suspendedSlug(String slug) {
        return jdbc.sql("select count(*) from tenants where slug = :slug and suspended_at is not null")
                .param("slug", slug).query(Long.class).single() > 0;
    }

    public void record(ActionRow a) {
        jdbc.sql("""
                insert into operator_actions (id, at, operator_id, operator_email, action, business_id, reason, details)
                values (:id, :at, :operator, :email, :action, :business, :reason, :details)""")
                .param("id", a.id()).param("at", at(a.at())).param("operator", a.operatorId())
                .param("email", a.operatorEmail()).param("action", a.action()).param("business", a.businessId())
                .param("reason", a.reason()).param("details", a.details())
                .update();
    }

    /** The journal, newest first; of one business when {@code businessId} is given. */
    public List<ActionRow> actions(UUID businessId, int offset, int limit) {
        return jdbc.sql("""
                select a.id, a.at, a.operator_id, a.operator_email, a.action, a.business_id, t.name, a.reason, a.details
                from operator_actions a left join tenants t on t.id = a.business_id
                where (cast(:business as uuid) is null or a.business_id = :business)
                order by a.at desc, a.id desc limit :limit offset :offset""")
                .param("business", businessId, java.sql.Types.OTHER).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ActionRow(rs.getObject(1, UUID.class), instant(rs, 2), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    public long countActions(UUID businessId) {
        return jdbc.sql("select count(*) from operator_actions where (cast(:business as uuid) is null or business_id = :business)")
                .param("business", businessId, java.sql.Types.OTHER).query(Long.class).single();
    }

    private static BusinessRow business(ResultSet rs, int n) throws SQLException {
        return new BusinessRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("slug"),
                rs.getString("kind"), rs.getBoolean("demo"), rs.getString("plan"), instant(rs, "created_at"),
                instant(rs, "suspended_at"), rs.getString("suspension_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
