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
    public record UsageRow(long users, long products, long orders, long mailsSent, long publications,
                           long ordersThisMonth) {
    }

    /** An operator named from the console. */
    public record GrantRow(String email, UUID userId, Instant grantedAt, String grantedBy) {
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

    /**
     * The business's usage, its orders since {@code monthStart} apart; run in a transaction for that business
     * (row-level security lets its rows through).
     */
    public UsageRow usage(UUID tenantId, Instant monthStart) {
        return jdbc.sql("""
                select (select count(*) from users where tenant_id = :t and deleted_at is null),
                       (select count(*) from products where tenant_id = :t and deleted_at is null),
                       (select count(*) from sales_orders where tenant_id = :t),
                       (select count(*) from mails where tenant_id = :t and status = 'SENT'),
                       (select count(*) from channel_listings where tenant_id = :t and published_at is not null),
                       (select count(*) from sales_orders where tenant_id = :t and created_at >= :since)""")
                .param("t", tenantId).param("since", at(monthStart))
                .query((rs, n) -> new UsageRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)))
                .single();
    }

    /** The business's live users and products (in a transaction for that business), for its plan's quotas. */
    public long users(UUID tenantId) {
        return jdbc.sql("select count(*) from users where tenant_id = :t and deleted_at is null").param("t", tenantId)
                .query(Long.class).single();
    }

    /**
     * Serialises, until the caller's transaction ends, the additions one business makes against one of its quotas
     * ({@code users}, {@code products}, {@code orders}): a transaction-scoped advisory lock keyed by the business and
     * the quota, taken before the count, so that the count and the insert that follows are one step for every other
     * addition of that business. Other businesses, and other quotas of the same one, do not wait.
     */
    public void lockQuota(UUID tenantId, String quota) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "quota|" + tenantId + "|" + quota).query(rs -> { });
    }

    /** The business's orders created since the instant, whatever their status (in a transaction for that business). */
    public long ordersSince(UUID tenantId, Instant since) {
        return jdbc.sql("select count(*) from sales_orders where tenant_id = :t and created_at >= :since")
                .param("t", tenantId).param("since", at(since)).query(Long.class).single();
    }

    public long products(UUID tenantId) {
        return jdbc.sql("select count(*) from products where tenant_id = :t and deleted_at is null").param("t", tenantId)
                .query(Long.class).single();
    }

    /** The sign-in addresses of the business's active administrators (in a transaction for that business). */
    public List<String> administrators(UUID tenantId) {
        return jdbc.sql("""
                select email from users
                where tenant_id = :t and deleted_at is null and enabled and 'ADMIN' = any(roles) order by email""")
                .param("t", tenantId).query(String.class).list();
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

    /** The operators named from the console, by address. */
    public List<GrantRow> grants() {
        return jdbc.sql("select email, user_id, granted_at, granted_by from operator_grants order by email")
                .query((rs, n) -> new GrantRow(rs.getString(1), rs.getObject(2, UUID.class), instant(rs, 3),
                        rs.getString(4)))
                .list();
    }

    /** Names the address operator; false when it already is one. */
    public boolean grant(GrantRow g) {
        return jdbc.sql("""
                insert into operator_grants (email, user_id, granted_at, granted_by) values (:email, :user, :at, :by)
                on conflict (email) do nothing""")
                .param("email", g.email()).param("user", g.userId()).param("at", at(g.grantedAt()))
                .param("by", g.grantedBy()).update() == 1;
    }

    /** Withdraws the address's operator role; false when it had none from the console. */
    public boolean revoke(String email) {
        return jdbc.sql("delete from operator_grants where email = :email").param("email", email).update() == 1;
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
