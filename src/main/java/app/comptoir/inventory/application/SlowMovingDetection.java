package app.comptoir.inventory.application;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.inventory.domain.AlertType;

/**
 * Raises SLOW_MOVING alerts for stock that has not gone out for the rule's number of days. Every node
 * checks hourly whether the daily run is due, but only the node whose update moves the job's
 * {@code next_run_at} forward runs it: the claim is one guarded UPDATE, so two nodes never both run.
 */
@Component
public class SlowMovingDetection {

    static final String JOB = "inventory.slow-moving";
    private static final Logger log = LoggerFactory.getLogger(SlowMovingDetection.class);

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AlertDetector detector;

    SlowMovingDetection(JdbcTemplate jdbc, TenantContext tenantContext, PlatformTransactionManager txManager,
                        Clock clock, AlertDetector detector) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.detector = detector;
    }

    @Scheduled(initialDelayString = "${comptoir.inventory.slow-moving.initial-delay:PT5M}",
            fixedDelayString = "${comptoir.inventory.slow-moving.check-every:PT1H}")
    void runIfDue() {
        if (claim(Duration.ofDays(1))) {
            List<UUID> tenants = jdbc.queryForList("select tenant_id from inventory_tenants", UUID.class);
            int raised = 0;
            for (UUID tenant : tenants) {
                raised += detect(tenant, clock.instant());
            }
            log.info("Slow-moving stock: {} new alerts over {} businesses", raised, tenants.size());
        }
    }

    /** Claims the next run for this node if it is due; true if this node should run it now. */
    public boolean claim(Duration every) {
        Instant now = clock.instant();
        jdbc.update("insert into inventory_job_claims (name, next_run_at) values (?, ?) on conflict do nothing",
                JOB, Timestamp.from(now));
        return jdbc.update("""
                update inventory_job_claims set next_run_at = ?, claimed_by = ?
                 where name = ? and next_run_at <= ?""", Timestamp.from(now.plus(every)),
                ManagementFactory.getRuntimeMXBean().getName(), JOB, Timestamp.from(now)) == 1;
    }

    /** Raises the tenant's slow-moving alerts as of {@code now}; returns how many were new. */
    public int detect(UUID tenant, Instant now) {
        Integer raised = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            List<Integer> days = jdbc.queryForList("""
                    select threshold from stock_alert_rules where tenant_id = ? and type = 'SLOW_MOVING' and enabled""",
                    Integer.class, tenant);
            if (days.isEmpty()) {
                return 0;
            }
            Timestamp since = Timestamp.from(now.minus(Duration.ofDays(days.getFirst() == null ? 30 : days.getFirst())));
            List<Object[]> sleeping = jdbc.query("""
                    select l.variant_id, l.location_id, l.on_hand - l.reserved from stock_levels l
                     where l.tenant_id = ? and l.on_hand > 0
                       and exists (select 1 from stock_movements m where m.tenant_id = l.tenant_id
                                   and m.variant_id = l.variant_id and m.location_id = l.location_id
                                   and m.occurred_at < ?)
                       and not exists (select 1 from stock_movements m where m.tenant_id = l.tenant_id
                                   and m.variant_id = l.variant_id and m.location_id = l.location_id
                                   and m.type in ('ISSUE', 'SALE') and m.occurred_at >= ?)
                     order by l.variant_id, l.location_id""",
                    (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)},
                    tenant, since, since);
            // Raising locks each level row: in variant then location order, as reservations do, so that
            // this long transaction and concurrent reservations cannot deadlock.
            int count = 0;
            for (Object[] row : sleeping) {
                if (detector.raise(tenant, AlertType.SLOW_MOVING, (UUID) row[0], (UUID) row[1], (Integer) row[2],
                        days.getFirst())) {
                    count++;
                }
            }
            return count;
        }));
        return raised == null ? 0 : raised;
    }
}
