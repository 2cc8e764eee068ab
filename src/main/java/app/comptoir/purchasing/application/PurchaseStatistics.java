package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Money;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.persistence.PurchaseStatisticsReads;
import app.comptoir.purchasing.persistence.PurchaseStatisticsReads.SupplierFigures;

/**
 * Purchasing statistics: each supplier's reliability (share of delivered orders on time, average delay) and
 * spending this month and this quarter (in the business's time zone). Spending is what was received: the
 * received quantity × unit cost of the receipts made in the period, whatever the order's status.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseStatistics {

    /** The statistics as of today, per supplier and in total. */
    public record Statistics(String currency, LocalDate monthFrom, LocalDate quarterFrom, LocalDate today,
                             List<SupplierLine> suppliers, BigDecimal spentThisMonth, BigDecimal spentThisQuarter) {
    }

    /**
     * One supplier: {@code deliveredOrders} delivered orders with an expected date, {@code onTimeOrders} of them
     * on time ({@code onTimeRate}: their percentage, null without any), {@code averageDelayDays} (null without any).
     */
    public record SupplierLine(UUID supplierId, String name, int deliveredOrders, int onTimeOrders,
                               BigDecimal onTimeRate, BigDecimal averageDelayDays, BigDecimal spentThisMonth,
                               BigDecimal spentThisQuarter) {
    }

    private final PurchaseStatisticsReads reads;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final Tenants tenants;
    private final Permissions permissions;
    private final Clock clock;

    PurchaseStatistics(PurchaseStatisticsReads reads, TenantContext tenantContext, BusinessTime businessTime,
                       Tenants tenants, Permissions permissions, Clock clock) {
        this.reads = reads;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
        this.tenants = tenants;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The statistics as of now. */
    public Statistics now() {
        permissions.require(Permission.READ);
        ZoneId zone = businessTime.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        String currency = tenants.current().currency();
        List<SupplierLine> lines = reads.bySupplier(tenantContext.requireTenant(), zone.getId(),
                        month.atStartOfDay(zone).toInstant(), quarter.atStartOfDay(zone).toInstant(),
                        today.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().map(f -> line(f, currency)).toList();
        return new Statistics(currency, month, quarter, today, lines,
                lines.stream().map(SupplierLine::spentThisMonth).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(SupplierLine::spentThisQuarter).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static SupplierLine line(SupplierFigures f, String currency) {
        BigDecimal rate = f.delivered() == 0 ? null
                : BigDecimal.valueOf(f.onTime() * 100L).divide(BigDecimal.valueOf(f.delivered()), 1, RoundingMode.HALF_UP);
        BigDecimal delay = f.averageDelayDays() == null ? null : f.averageDelayDays().setScale(1, RoundingMode.HALF_UP);
        return new SupplierLine(f.supplierId(), f.name(), f.delivered(), f.onTime(), rate, delay,
                Money.round(f.spentInMonth(), currency), Money.round(f.spentInQuarter(), currency));
    }
}
