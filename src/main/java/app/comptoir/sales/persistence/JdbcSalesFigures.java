package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.payments.PaymentFigures;
import app.comptoir.payments.SubjectType;
import app.comptoir.platform.ChangeVersions;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.SalesFigures;
import app.comptoir.sales.SalesFigures.BoughtWith;
import app.comptoir.sales.SalesFigures.DaySales;
import app.comptoir.sales.SalesFigures.DetailLine;
import app.comptoir.sales.SalesFigures.DriverDay;
import app.comptoir.sales.SalesFigures.OrderDetail;
import app.comptoir.sales.SalesFigures.VariantSales;
import app.comptoir.sales.domain.Order;

/** The SQL of {@link SalesFigures}, aggregated in PostgreSQL. */
@Service
@Transactional(readOnly = true)
class JdbcSalesFigures implements SalesFigures {

    /** Sold orders and their first departure, per order (the CTE every sales figure starts from). */
    private static final String SOLD = """
            with sold as (
                select o.id, o.net, o.gross, o.driver_id, o.sold_at from sales_orders o
                 where o.tenant_id = ? and o.sold_at >= ? and o.sold_at < ?)
            """;

    /** Returned units of the period with the net share of their line (line net × returned / sold). */
    private static final String RETURNED = """
            select r.created_at, rl.variant_id, rl.quantity, l.net * rl.quantity / l.quantity as net
              from sales_returns r
              join sales_return_lines rl on rl.tenant_id = r.tenant_id and rl.return_id = r.id
              join sales_order_lines l on l.tenant_id = rl.tenant_id and l.id = rl.order_line_id
             where r.tenant_id = ? and r.created_at >= ? and r.created_at < ?""";

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final ChangeVersions changes;
    private final PaymentFigures payments;

    JdbcSalesFigures(JdbcTemplate jdbc, TenantContext tenantContext, ChangeVersions changes, PaymentFigures payments) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.tenantContext = tenantContext;
        this.changes = changes;
    }

    /**
     * A number that moves whenever an order of the current tenant changes (created, edited, moved along its
     * workflow, returned, deleted) and the change is committed on this node: figures computed under one
     * version may be kept until it moves.
     */
    @Override
    public long version() {
        return changes.version(tenant(), Order.AUDITED);
    }

    /**
     * Payments' subjects that still owe something (few: most orders are paid), narrowed to the orders out for
     * delivery or delivered.
     */
    @Override
    public ToCollect toCollect(int scale) {
        Map<UUID, BigDecimal> owing = payments.outstanding(SubjectType.ORDER);
        long[] counts = new long[2];
        BigDecimal[] amounts = {BigDecimal.ZERO.setScale(scale), BigDecimal.ZERO.setScale(scale)};
        if (!owing.isEmpty()) {
            jdbc.query("select id, status from sales_orders where tenant_id = ? and id = any(?) and deleted_at is null"
                            + " and status in ('OUT_FOR_DELIVERY', 'DELIVERED')",
                    rs -> {
                        int i = "DELIVERED".equals(rs.getString(2)) ? 1 : 0;
                        counts[i]++;
                        amounts[i] = amounts[i].add(owing.get(rs.getObject(1, UUID.class)));
                    }, tenant(), owing.keySet().toArray(UUID[]::new));
        }
        return new ToCollect(counts[0], amounts[0], counts[1], amounts[1]);
    }

    /** Every day from {@code from} to {@code to} (inclusive, in the zone), zeros included. */
    @Override
    public List<DaySales> daily(LocalDate from, LocalDate to, ZoneId zone, int scale) {
        Range range = range(from, to, zone);
        Map<LocalDate, Object[]> days = new LinkedHashMap<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Object[] {0L, zero, zero, zero, zero});
        }
        jdbc.query(SOLD + """
                select (sold_at at time zone ?)::date, count(*), sum(net), sum(gross) from sold group by 1""",
                rs -> {
                    Object[] day = days.get(rs.getObject(1, LocalDate.class));
                    if (day != null) {
                        day[0] = rs.getLong(2);
                        day[1] = rs.getBigDecimal(3).setScale(scale);
                        day[2] = rs.getBigDecimal(4).setScale(scale);
                    }
                }, tenant(), range.start, range.end, zone.getId());
        jdbc.query("select (created_at at time zone ?)::date, round(sum(net), ?) from (" + RETURNED + ") x group by 1",
                rs -> {
                    Object[] day = days.get(rs.getObject(1, LocalDate.class));
                    if (day != null) {
                        day[3] = rs.getBigDecimal(2).setScale(scale);
                    }
                }, zone.getId(), scale, tenant(), range.start, range.end);
        jdbc.query("""
                select (created_at at time zone ?)::date, sum(refund) from sales_returns
                 where tenant_id = ? and created_at >= ? and created_at < ? group by 1""",
                rs -> {
                    Object[] day = days.get(rs.getObject(1, LocalDate.class));
                    if (day != null) {
                        day[4] = rs.getBigDecimal(2).setScale(scale);
                    }
                }, zone.getId(), tenant(), range.start, range.end);
        List<DaySales> result = new ArrayList<>(days.size());
        days.forEach((day, v) -> result.add(new DaySales(day, (long) v[0], (BigDecimal) v[1], (BigDecimal) v[2],
                (BigDecimal) v[3], (BigDecimal) v[4])));
        return result;
    }

    /** Units and net revenue per variant over the period, sold less returned. */
    @Override
    public List<VariantSales> perVariant(LocalDate from, LocalDate to, ZoneId zone, int scale) {
        Range range = range(from, to, zone);
        Map<UUID, Object[]> byVariant = new HashMap<>();
        // Lines carry their order's sold_at while it counts as a sale (none once cancelled).
        jdbc.query("""
                select variant_id, sum(quantity), sum(net) from sales_order_lines
                 where tenant_id = ? and sold_at >= ? and sold_at < ? group by variant_id""",
                rs -> {
                    byVariant.put(rs.getObject(1, UUID.class), new Object[] {rs.getLong(2), rs.getBigDecimal(3)});
                }, tenant(), range.start, range.end);
        jdbc.query("select variant_id, sum(quantity), sum(net) from (" + RETURNED + ") x group by variant_id",
                rs -> {
                    Object[] v = byVariant.computeIfAbsent(rs.getObject(1, UUID.class),
                            id -> new Object[] {0L, BigDecimal.ZERO});
                    v[0] = (long) v[0] - rs.getLong(2);
                    v[1] = ((BigDecimal) v[1]).subtract(rs.getBigDecimal(3));
                }, tenant(), range.start, range.end);
        List<VariantSales> result = new ArrayList<>(byVariant.size());
        byVariant.forEach((id, v) -> result.add(new VariantSales(id, (long) v[0],
                ((BigDecimal) v[1]).setScale(scale, java.math.RoundingMode.HALF_UP))));
        return result;
    }

    @Override
    public List<BoughtWith> boughtWith(java.util.Collection<UUID> variantIds, int limit) {
        if (variantIds.isEmpty()) {
            return List.of();
        }
        UUID[] ids = variantIds.toArray(UUID[]::new);
        // Lines carry their order's sold_at while it counts as a sale (none once cancelled).
        return jdbc.query("""
                        select o.variant_id, count(distinct o.order_id) as orders
                          from sales_order_lines l
                          join sales_order_lines o on o.tenant_id = l.tenant_id and o.order_id = l.order_id
                         where l.tenant_id = ? and l.variant_id = any(?) and l.sold_at is not null
                           and o.sold_at is not null and o.variant_id <> all(?)
                         group by o.variant_id order by orders desc, o.variant_id limit ?""",
                (rs, i) -> new BoughtWith(rs.getObject(1, UUID.class), rs.getLong(2)), tenant(), ids, ids, limit);
    }

    /** Orders created in the period, counted by their current status (every status present). */
    @Override
    public Map<OrderStatus, Long> ordersByStatus(LocalDate from, LocalDate to, ZoneId zone) {
        Range range = range(from, to, zone);
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("""
                select status, count(*) from sales_orders
                 where tenant_id = ? and created_at >= ? and created_at < ? and deleted_at is null group by status""",
                rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, tenant(), range.start, range.end);
        return counts;
    }

    @Override
    public Map<OrderStatus, Long> openOrders() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (!s.isFinal()) {
                counts.put(s, 0L);
            }
        }
        jdbc.query("""
                select status, count(*) from sales_orders
                 where tenant_id = ? and deleted_at is null
                   and status in ('DRAFT', 'CONFIRMED', 'PREPARING', 'OUT_FOR_DELIVERY') group by status""",
                rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, tenant());
        return counts;
    }

    /** Orders created in the period, newest first, each with its lines (three statements a page). */
    @Override
    public PageResponse<OrderDetail> orderDetails(LocalDate from, LocalDate to, ZoneId zone, int page, int size) {
        Range range = range(from, to, zone);
        PageRequests.of(page, size, Sort.unsorted());
        Long total = jdbc.queryForObject("""
                select count(*) from sales_orders
                 where tenant_id = ? and created_at >= ? and created_at < ? and deleted_at is null""",
                Long.class, tenant(), range.start, range.end);
        Map<UUID, List<DetailLine>> lines = new LinkedHashMap<>();
        List<Object[]> headers = jdbc.query("""
                select id, number, status, customer_name, created_at, driver_name, net, gross, refunded from sales_orders
                 where tenant_id = ? and created_at >= ? and created_at < ? and deleted_at is null
                 order by created_at desc, id desc limit ? offset ?""",
                (rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9)},
                tenant(), range.start, range.end, size, (long) page * size);
        headers.forEach(h -> lines.put((UUID) h[0], new ArrayList<>()));
        if (!headers.isEmpty()) {
            jdbc.query("""
                    select order_id, variant_id, sku, label, quantity, unit_price, discount, net, returned_quantity
                      from sales_order_lines where tenant_id = ? and order_id = any(?) order by order_id, position""",
                    rs -> {
                        lines.get(rs.getObject(1, UUID.class)).add(new DetailLine(rs.getObject(2, UUID.class),
                                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                                rs.getBigDecimal(8), rs.getInt(9)));
                    }, tenant(), lines.keySet().toArray(UUID[]::new));
        }
        List<OrderDetail> items = headers.stream().map(h -> new OrderDetail((UUID) h[0], (String) h[1],
                OrderStatus.valueOf((String) h[2]), (String) h[3], (Instant) h[4], (String) h[5], (BigDecimal) h[6],
                (BigDecimal) h[7], (BigDecimal) h[8], lines.get((UUID) h[0]))).toList();
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    /** Deliveries per driver and day of delivery over the period (orders delivered and still delivered). */
    @Override
    public List<DriverDay> deliveries(LocalDate from, LocalDate to, ZoneId zone) {
        Range range = range(from, to, zone);
        return jdbc.query("""
                with delivered as (
                    select o.id, o.driver_id, coalesce(o.driver_name, '') as driver_name,
                           (max(h.at) filter (where h.status = 'DELIVERED') at time zone ?)::date as day,
                           (min(h.at) filter (where h.status = 'OUT_FOR_DELIVERY') at time zone ?)::date as left_on
                      from sales_orders o
                      join sales_order_history h on h.tenant_id = o.tenant_id and h.order_id = o.id
                     where o.tenant_id = ? and o.status = 'DELIVERED' and o.sold_at < ?
                     group by o.id, o.driver_id, o.driver_name
                    having max(h.at) filter (where h.status = 'DELIVERED') >= ?
                       and max(h.at) filter (where h.status = 'DELIVERED') < ?)
                select driver_id, driver_name, day, count(*), count(*) filter (where left_on = day)
                  from delivered group by driver_id, driver_name, day order by driver_name, day""",
                (rs, i) -> new DriverDay(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getLong(5)),
                zone.getId(), zone.getId(), tenant(), range.end, range.start, range.end);
    }

    private record Range(Timestamp start, Timestamp end) {
    }

    private static Range range(LocalDate from, LocalDate to, ZoneId zone) {
        if (from == null || to == null || to.isBefore(from)) {
            throw InvalidInputException.field("to", "must be on or after from");
        }
        return new Range(Timestamp.from(from.atStartOfDay(zone).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private UUID tenant() {
        return tenantContext.requireTenant();
    }
}
