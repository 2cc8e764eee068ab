package app.comptoir.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.JobView;
import app.comptoir.platform.TenantContext;

/**
 * The {@code jobs} table. Every write is its own short transaction (for the tenant in context), so that
 * the progress of a job is visible to the status endpoint while the job's own work is still uncommitted.
 */
@Component
public class JobStore {

    private static final String COLUMNS = "id, kind, status, done, total, result, error, file_name, created_by, "
            + "created_at, updated_at, finished_at";
    /**
     * A job runs on the node that started it: one that has not moved for this long was lost with its node
     * (a restart), and is shown as failed rather than holding its page's buttons forever.
     */
    static final Duration LOST_AFTER = Duration.ofMinutes(15);
    static final String LOST = "Interrupted: the server stopped while it ran; start it again.";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TenantContext tenantContext;
    private final JsonMapper json;
    private final Clock clock;

    JobStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, TenantContext tenantContext, JsonMapper json,
             Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tenantContext = tenantContext;
        this.json = json;
        this.clock = clock;
    }

    void create(UUID id, String kind, UUID createdBy) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        UUID tenant = tenantContext.requireTenant();
        tx.executeWithoutResult(s -> jdbc.update("""
                insert into jobs (id, tenant_id, kind, status, created_by, created_at, updated_at)
                values (?, ?, ?, 'QUEUED', ?, ?, ?)""", id, tenant, kind, createdBy, now, now));
    }

    void progress(UUID id, int done, Integer total) {
        tx.executeWithoutResult(s -> jdbc.update("""
                update jobs set status = 'RUNNING', done = ?, total = ?, updated_at = ?
                 where id = ? and tenant_id = ? and finished_at is null""",
                done, total, Timestamp.from(Instant.now(clock)), id, tenantContext.requireTenant()));
    }

    void succeed(UUID id, int done, Integer total, String result, String fileName) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        tx.executeWithoutResult(s -> jdbc.update("""
                update jobs set status = 'SUCCEEDED', done = ?, total = ?, result = ?, file_name = ?, updated_at = ?,
                       finished_at = ?
                 where id = ? and tenant_id = ?""", done, total, result, fileName, now, now, id,
                tenantContext.requireTenant()));
    }

    void fail(UUID id, String error) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        tx.executeWithoutResult(s -> jdbc.update("""
                update jobs set status = 'FAILED', error = ?, updated_at = ?, finished_at = ? where id = ? and tenant_id = ?""",
                error, now, now, id, tenantContext.requireTenant()));
    }

    /** The job of the current tenant. */
    public Optional<JobView> find(UUID id) {
        UUID tenant = tenantContext.requireTenant();
        return tx.execute(s -> jdbc.query("select " + COLUMNS + " from jobs where id = ? and tenant_id = ?",
                this::view, id, tenant).stream().findFirst());
    }

    /** The newest job of this kind in the current tenant. */
    public Optional<JobView> latest(String kind) {
        UUID tenant = tenantContext.requireTenant();
        return tx.execute(s -> jdbc.query("select " + COLUMNS
                        + " from jobs where tenant_id = ? and kind = ? order by created_at desc, id desc limit 1",
                this::view, tenant, kind).stream().findFirst());
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        int done = rs.getInt("done");
        Integer total = (Integer) rs.getObject("total");
        JobView.Status status = JobView.Status.valueOf(rs.getString("status"));
        String error = rs.getString("error");
        boolean lost = (status == JobView.Status.QUEUED || status == JobView.Status.RUNNING)
                && rs.getTimestamp("updated_at").toInstant().isBefore(Instant.now(clock).minus(LOST_AFTER));
        if (lost) {
            status = JobView.Status.FAILED;
            error = LOST;
        }
        int percent = status == JobView.Status.SUCCEEDED ? 100
                : total == null || total == 0 ? 0 : Math.min(99, (int) (100L * done / total));
        String result = rs.getString("result");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new JobView(rs.getObject("id", UUID.class), rs.getString("kind"), status, done, total, percent,
                result == null ? null : json.readTree(result), error, rs.getString("file_name"),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
