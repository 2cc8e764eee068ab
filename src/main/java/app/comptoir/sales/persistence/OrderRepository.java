package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.Ids;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.HistoryEntry;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Order;
import app.comptoir.sales.domain.OrderReturn;

/**
 * Every SQL text of orders ({@code sales_orders} and the tables that hang off it). Loads the {@link Order}
 * aggregate with its lines in one statement and stores each change in one statement where the hot path needs
 * it (creation: {@link #insertDraft}; workflow steps: {@link #storeStatus}), so that placing and confirming
 * an order stays at a fixed, small number of round trips whatever its size.
 *
 * <p>Concurrency: {@link #lock} takes the order's row lock until the transaction ends, so two steps of one
 * order never interleave; everything stored afterwards in that transaction relies on it.
 */
@Repository
public class OrderRepository {

    /**
     * The order's row joined with its lines, in position order; {@code %s}: the condition on {@code o}, the
     * deleted condition, the driver condition and the locking clause.
     */
    private static final String HEADER_WITH_LINES = """
            select o.id, o.number, o.status, o.customer_id, o.customer_name, o.customer_phone,
                   o.delivery_address::text as address, o.delivery_fee, o.notes, o.currency, o.net, o.vat, o.gross,
                   o.prices_include_vat, o.refunded, o.driver_id, o.driver_name, o.quote_id, o.created_at, o.updated_at, o.version, o.sold_at,
                   l.id as line_id, l.variant_id, l.sku, l.label, l.quantity, l.unit_price, l.discount, l.vat_rate,
                   l.net as line_net, l.returned_quantity
              from sales_orders o
              left join sales_order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
             where o.tenant_id = ? and o.%s%s%s
             order by l.position, l.id%s""";

    /** A draft order, its lines, its first history entry and its audit row: see {@link #insertDraft}. */
    /** Where an order comes from when nothing else says: the office. */
    public static final String SOURCE_BACK_OFFICE = "BACK_OFFICE";

    private static final String INSERT_DRAFT = """
            with o as (
                insert into sales_orders (id, tenant_id, number, status, customer_id, customer_name, customer_phone,
                  delivery_address, delivery_fee, notes, currency, net, vat, gross, idempotency_key, quote_id,
                  created_at, created_by, updated_at, updated_by, idempotency_hash, prices_include_vat, source)
                values (?, ?, %s, 'DRAFT', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id, tenant_id, number),
            lines as (%s),
            history as (
                insert into sales_order_history (id, tenant_id, order_id, status, at, by_id, by_name, note)
                select ?, o.tenant_id, o.id, 'DRAFT', ?, ?, ?, ? from o),
            audit as (%s)
            select number from o""".formatted(DocumentNumbers.EXPRESSION, SaleLines.insertFrom(SaleLines.Kind.ORDER, "o"),
            AuditRecorder.INSERT);

    /**
     * A status change: the order's new status, its history entry and its audit row, answering with the whole
     * history (the new entry is not in the statement's snapshot of the table, hence the union).
     */
    private static final String CHANGE_STATUS = """
            with changed as (
                update sales_orders set status = ?, updated_at = ?, updated_by = ?, version = version + 1,
                       sold_at = case when ? then coalesce(sold_at, ?) when ? then null else sold_at end
                 where tenant_id = ? and id = ?),
            entry as (
                insert into sales_order_history (id, tenant_id, order_id, status, at, by_id, by_name, note, step, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id, status, at, by_name, by_id, note, step, reason),
            audit as (%s)
            select id, status, at, by_name, by_id, note, step, reason from sales_order_history
             where tenant_id = ? and order_id = ?
            union all
            select id, status, at, by_name, by_id, note, step, reason from entry
            order by at, id""".formatted(AuditRecorder.INSERT);

    private static final RowMapper<HistoryEntry> HISTORY = (rs, i) -> new HistoryEntry(
            OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
            rs.getObject("by_id", UUID.class), rs.getString("note"), rs.getString("step"), rs.getString("reason"));

    private final JdbcTemplate jdbc;
    private final SaleLines saleLines;
    private final DocumentNumbers numbers;
    private final JsonMapper json;

    OrderRepository(JdbcTemplate jdbc, SaleLines saleLines, DocumentNumbers numbers, JsonMapper json) {
        this.jdbc = jdbc;
        this.saleLines = saleLines;
        this.numbers = numbers;
        this.json = json;
    }

    /** Who records a change: the user's id and name. */
    public record Author(UUID id, String name) {
    }

    // ---------------------------------------------------------------- the aggregate

    /**
     * The order with its lines, its row locked until the transaction ends; {@code driver}: only if it is
     * assigned to this driver (others are not found).
     */
    public Optional<Order> lock(UUID tenant, UUID id, Optional<UUID> driver) {
        return load(tenant, "id = ?", id, Deleted.NO, driver, true);
    }

    /** A deleted (draft) order with its lines, its row locked until the transaction ends: for a restore. */
    public Optional<Order> lockDeleted(UUID tenant, UUID id) {
        return load(tenant, "id = ?", id, Deleted.ONLY, Optional.empty(), true);
    }

    /** Which rows a lookup sees: deleted orders are out of sight except for a restore and a replayed key. */
    private enum Deleted {
        NO(" and o.deleted_at is null"), ONLY(" and o.deleted_at is not null"), ANY("");

        private final String condition;

        Deleted(String condition) {
            this.condition = condition;
        }
    }

    /** How an order is looked up. */
    public enum Key {
        ID("id"), NUMBER("number"), IDEMPOTENCY_KEY("idempotency_key");

        private final String column;

        Key(String column) {
            this.column = column;
        }
    }

    /**
     * The hash of the request that created the order under this idempotency key: empty when the key is new,
     * an empty string when the order was created without a hash (before it was stored).
     */
    public Optional<String> idempotencyHash(UUID tenant, String key) {
        return jdbc.query("""
                select coalesce(idempotency_hash, '') from sales_orders where tenant_id = ? and idempotency_key = ?""",
                (rs, i) -> rs.getString(1), tenant, key).stream().findFirst();
    }

    /** The order with its lines (one statement), found by its id, number or idempotency key. */
    public Optional<Order> find(UUID tenant, Key key, Object value, Optional<UUID> driver) {
        // A replayed idempotency key still names its order when it was deleted since (the key stays taken).
        return load(tenant, key.column + " = ?", value, key == Key.IDEMPOTENCY_KEY ? Deleted.ANY : Deleted.NO, driver,
                false);
    }

    private Optional<Order> load(UUID tenant, String condition, Object value, Deleted deleted, Optional<UUID> driver,
                                 boolean lock) {
        String sql = HEADER_WITH_LINES.formatted(condition, deleted.condition,
                driver.isPresent() ? " and o.driver_id = ?" : "", lock ? "\n   for update of o" : "");
        Object[] args = driver.isPresent() ? new Object[] {tenant, value, driver.get()} : new Object[] {tenant, value};
        List<Row> header = new ArrayList<>(1);
        List<LineView> lines = new ArrayList<>();
        jdbc.query(sql, rs -> {
            if (header.isEmpty()) {
                header.add(row(rs));
            }
            UUID lineId = rs.getObject("line_id", UUID.class);
            if (lineId != null) {
                lines.add(new LineView(lineId, rs.getObject("variant_id", UUID.class), rs.getString("sku"),
                        rs.getString("label"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount"), rs.getBigDecimal("vat_rate"), rs.getBigDecimal("line_net"),
                        rs.getInt("returned_quantity")));
            }
        }, args);
        return header.stream().findFirst().map(h -> Order.restore(tenant, h.id(), h.number(), h.status(), h.customer(),
                h.address(), h.deliveryFee(), h.notes(), h.currency(), h.pricesIncludeVat(), h.refunded(), h.driverId(), h.driverName(),
                h.quoteId(), h.createdAt(), h.updatedAt(), h.version(), lines, h.soldAt()));
    }

    /** The order's columns (the rest of the aggregate are its lines). */
    private record Row(UUID id, String number, OrderStatus status, CustomerRef customer, AddressSnapshot address,
                       BigDecimal deliveryFee, String notes, String currency, boolean pricesIncludeVat,
                       BigDecimal refunded, UUID driverId,
                       String driverName, UUID quoteId, Instant createdAt, Instant updatedAt, long version,
                       Instant soldAt) {
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"),
                OrderStatus.valueOf(rs.getString("status")), new CustomerRef(rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"), rs.getString("customer_phone")), fromJson(rs.getString("address")),
                rs.getBigDecimal("delivery_fee"), rs.getString("notes"), rs.getString("currency"),
                rs.getBoolean("prices_include_vat"), rs.getBigDecimal("refunded"), rs.getObject("driver_id", UUID.class), rs.getString("driver_name"),
                rs.getObject("quote_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"),
                rs.getTimestamp("sold_at") == null ? null : rs.getTimestamp("sold_at").toInstant());
    }

    /**
     * Inserts a draft order with its lines, its first history entry and its audit row (the values of {@link
     * AuditRecorder#values}), numbered from the tenant's sequence for {@code year}, in one statement; gives
     * the order its number.
     */
    public void insertDraft(Order order, String idempotencyKey, String requestHash, int year, Author by, String note,
                            Object[] audit) {
        insertDraft(order, idempotencyKey, requestHash, year, by, note, audit, SOURCE_BACK_OFFICE);
    }

    /** The same, for an order that comes from elsewhere than the office ({@code source}, e.g. the online shop). */
    public void insertDraft(Order order, String idempotencyKey, String requestHash, int year, Author by, String note,
                            Object[] audit, String source) {
        UUID tenant = order.tenantId();
        Timestamp at = Timestamp.from(order.createdAt());
        CustomerRef customer = order.customer();
        List<Object> args = new ArrayList<>(List.of(order.id(), tenant, DocumentNumbers.prefix("CMD", year),
                numbers.sequence(tenant, "CMD", year)));
        args.addAll(Arrays.asList(customer.id(), customer.name(), customer.phone(), toJson(order.address()),
                order.deliveryFee(), order.notes(), order.currency(), order.totals().net(), order.totals().vat(),
                order.totals().gross(), idempotencyKey, order.quoteId(), at, by.id(), at, by.id(), requestHash,
                order.pricesIncludeVat(), source));
        args.addAll(List.of(SaleLines.columns(order.lines(), 0)));
        args.addAll(Arrays.asList(Ids.newId(), at, by.id(), by.name(), note));
        args.addAll(Arrays.asList(audit));
        order.numbered(jdbc.queryForObject(INSERT_DRAFT, String.class, args.toArray()));
    }

    /**
     * Stores the order's new status with its history entry and audit row in one statement, and answers with the
     * whole history. {@code sold_at}: the first departure (the day its sale counts); none once cancelled.
     */
    public List<HistoryEntry> storeStatus(Order order, Author by, String note, Object[] audit) {
        return storeStatus(order, by, note, null, null, audit);
    }

    /**
     * The same, for a step off the plain workflow ({@code step}: {@link HistoryEntry#DELIVERY_FAILED} with its
     * {@code reason}, {@link HistoryEntry#DELIVERY_UNDONE}), which the order's timeline shows as such.
     */
    public List<HistoryEntry> storeStatus(Order order, Author by, String note, String step, String reason,
                                          Object[] audit) {
        UUID tenant = order.tenantId();
        Timestamp at = Timestamp.from(order.updatedAt());
        OrderStatus target = order.status();
        List<Object> args = new ArrayList<>(Arrays.asList(target.name(), at, by.id(),
                target == OrderStatus.OUT_FOR_DELIVERY, at, target == OrderStatus.CANCELLED, tenant, order.id(),
                Ids.newId(), tenant, order.id(), target.name(), at, by.id(), by.name(), note, step, reason));
        args.addAll(Arrays.asList(audit));
        args.addAll(List.of(tenant, order.id()));
        return jdbc.query(CHANGE_STATUS, HISTORY, args.toArray());
    }


    /** Where the order comes from ({@code BACK_OFFICE} or {@code ONLINE_SHOP}), if it exists. */
    public Optional<String> source(UUID tenant, UUID orderId) {
        return jdbc.query("select source from sales_orders where tenant_id = ? and id = ? and deleted_at is null",
                (rs, i) -> rs.getString(1), tenant, orderId).stream().findFirst();
    }

    /** Marks the order's lines sold from {@code at} (see {@code SalesFigures}), or not sold any more (null). */
    public void markLinesSold(Order order, Instant at) {
        jdbc.update("update sales_order_lines set sold_at = ? where tenant_id = ? and order_id = ?",
                at == null ? null : Timestamp.from(at), order.tenantId(), order.id());
    }

    /** Stores customer, address, fee, notes and totals. */
    public void storeContent(Order order, UUID by) {
        CustomerRef customer = order.customer();
        jdbc.update("""
                update sales_orders set customer_id = ?, customer_name = ?, customer_phone = ?, delivery_address = ?::jsonb,
                  delivery_fee = ?, notes = ?, net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ?""",
                customer.id(), customer.name(), customer.phone(), toJson(order.address()), order.deliveryFee(),
                order.notes(), order.totals().net(), order.totals().vat(), order.totals().gross(),
                Timestamp.from(order.updatedAt()), by, order.tenantId(), order.id());
    }

    /** Replaces all the order's lines by its current ones. */
    public void replaceLines(Order order) {
        saleLines.deleteAll(SaleLines.Kind.ORDER, order.tenantId(), order.id());
        saleLines.insert(SaleLines.Kind.ORDER, order.tenantId(), order.id(), order.lines(), 0);
    }

    /** Inserts the order's last line (just added). */
    public void insertLastLine(Order order) {
        List<LineView> lines = order.lines();
        saleLines.insert(SaleLines.Kind.ORDER, order.tenantId(), order.id(), List.of(lines.getLast()), lines.size() - 1);
    }

    public void deleteLine(Order order, UUID lineId) {
        saleLines.delete(SaleLines.Kind.ORDER, order.tenantId(), order.id(), lineId);
    }

    /** Stores a line's new quantity and net (the order's totals: {@link #storeTotals}). */
    public void storeLine(Order order, LineView line) {
        jdbc.update("update sales_order_lines set quantity = ?, unit_price = ?, net = ? where tenant_id = ? and order_id = ? "
                + "and id = ?", line.quantity(), line.unitPrice(), line.net(), order.tenantId(), order.id(), line.id());
    }

    /** Stores the totals (after a line change). */
    public void storeTotals(Order order, UUID by) {
        jdbc.update("update sales_orders set net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", order.totals().net(), order.totals().vat(), order.totals().gross(),
                Timestamp.from(order.updatedAt()), by, order.tenantId(), order.id());
    }

    public void storeDriver(Order order, UUID by) {
        jdbc.update("update sales_orders set driver_id = ?, driver_name = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where tenant_id = ? and id = ?", order.driverId(), order.driverName(),
                Timestamp.from(order.updatedAt()), by, order.tenantId(), order.id());
    }

    /** Stores a return: its row and lines, the lines' returned quantities and the order's refunded total. */
    public void storeReturn(Order order, Order.Return taken, UUID by) {
        UUID tenant = order.tenantId();
        Timestamp at = Timestamp.from(order.updatedAt());
        jdbc.update("insert into sales_returns (id, tenant_id, order_id, reason, refund, created_at, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?)", taken.id(), tenant, order.id(), taken.reason(), taken.refund(), at, by);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        taken.taken().forEach((line, quantity) -> {
            rows.add(new Object[] {tenant, taken.id(), line.id(), line.variantId(), quantity});
            updates.add(new Object[] {quantity, tenant, line.id()});
        });
        jdbc.batchUpdate("insert into sales_return_lines (tenant_id, return_id, order_line_id, variant_id, quantity)"
                + " values (?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("update sales_order_lines set returned_quantity = returned_quantity + ? where tenant_id = ? and id = ?",
                updates);
        jdbc.update("update sales_orders set refunded = refunded + ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", taken.refund(), at, by, tenant, order.id());
    }

    /**
     * Deletes a draft order, softly: the row, its lines, history and number stay (marked deleted) so that it can
     * be restored; a quote converted into it forgets it, as it did when the row went away.
     */
    public void delete(Order order, Instant at, UUID by) {
        UUID tenant = order.tenantId();
        jdbc.update("update sales_quotes set order_id = null where tenant_id = ? and order_id = ?", tenant, order.id());
        jdbc.update("update sales_orders set deleted_at = ?, deleted_by = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where tenant_id = ? and id = ?", Timestamp.from(at), by, Timestamp.from(at), by,
                tenant, order.id());
    }

    /** Brings a deleted draft order back; its quote finds it again unless the quote was converted anew since. */
    public void restore(Order order, UUID quoteId, Instant at, UUID by) {
        UUID tenant = order.tenantId();
        jdbc.update("update sales_orders set deleted_at = null, deleted_by = null, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where tenant_id = ? and id = ?", Timestamp.from(at), by, tenant, order.id());
        if (quoteId != null) {
            jdbc.update("update sales_quotes set order_id = ? where tenant_id = ? and id = ? and order_id is null",
                    order.id(), tenant, quoteId);
        }
    }

    /** The deleted orders, most recently deleted first: id, number, customer, gross and when. */
    public List<DeletedOrder> deleted(UUID tenant, int limit) {
        return jdbc.query("""
                select id, number, customer_name, gross, currency, deleted_at from sales_orders
                 where tenant_id = ? and deleted_at is not null order by deleted_at desc, id desc limit ?""",
                (rs, i) -> new DeletedOrder(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()), tenant, limit);
    }

    // ---------------------------------------------------------------- reading

    /**
     * A customer's sales (gross less refunds of the orders sold, see {@code sold_at}), number of orders that are
     * not cancelled and the creation time of the newest: one statement over the customer's index.
     */
    public CustomerTotalsRow customerTotals(UUID tenant, UUID customerId) {
        return jdbc.queryForObject("""
                select coalesce(sum(gross - refunded) filter (where sold_at is not null), 0) as spent,
                       count(*) as orders, max(created_at) as last_at
                  from sales_orders
                 where tenant_id = ? and customer_id = ? and deleted_at is null and status <> 'CANCELLED'""",
                (rs, i) -> new CustomerTotalsRow(rs.getBigDecimal("spent"), rs.getLong("orders"),
                        rs.getTimestamp("last_at") == null ? null : rs.getTimestamp("last_at").toInstant()),
                tenant, customerId);
    }

    /** See {@link #customerTotals}. */
    public record CustomerTotalsRow(BigDecimal spent, long orders, Instant lastAt) {
    }

    /** The order's history, oldest first. */
    public List<HistoryEntry> history(UUID tenant, UUID orderId) {
        return jdbc.query("""
                select status, at, by_name, by_id, note, step, reason from sales_order_history where tenant_id = ? and order_id = ?
                 order by at, id""", HISTORY, tenant, orderId);
    }

    /** The order's returns, oldest first, their lines named by the SKU of the order's lines. */
    public List<OrderReturn> returns(UUID tenant, UUID orderId, List<LineView> lines) {
        Map<UUID, String> skus = new LinkedHashMap<>();
        lines.forEach(l -> skus.put(l.id(), l.sku()));
        Map<UUID, OrderReturn> byId = new LinkedHashMap<>();
        jdbc.query("""
                select r.id, r.created_at, r.reason, r.refund, rl.order_line_id, rl.variant_id, rl.quantity
                  from sales_returns r join sales_return_lines rl on rl.tenant_id = r.tenant_id and rl.return_id = r.id
                 where r.tenant_id = ? and r.order_id = ? order by r.created_at, r.id""", rs -> {
                    UUID rid = rs.getObject(1, UUID.class);
                    OrderReturn ret = byId.get(rid);
                    if (ret == null) {
                        ret = new OrderReturn(rid, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBigDecimal(4),
                                new ArrayList<>());
                        byId.put(rid, ret);
                    }
                    UUID lineId = rs.getObject(5, UUID.class);
                    ret.lines().add(new OrderReturn.Line(lineId, rs.getObject(6, UUID.class), skus.get(lineId), rs.getInt(7)));
                }, tenant, orderId);
        return byId.values().stream().map(r -> new OrderReturn(r.id(), r.at(), r.reason(), r.refund(), List.copyOf(r.lines())))
                .toList();
    }

    /** Orders, newest first (2 statements whatever the page size); {@code driver}: only theirs. */
    public PageResponse<OrderSummary> list(UUID tenant, OrderFilter f, Optional<UUID> driver, int page, int size) {
        StringBuilder where = new StringBuilder(" where o.tenant_id = ? and o.deleted_at is null");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and o.status = any(?)");
            args.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.customerId() != null) {
            where.append(" and o.customer_id = ?");
            args.add(f.customerId());
        }
        if (driver.isPresent() || f.driverId() != null) {
            where.append(" and o.driver_id = ?");
            args.add(driver.orElse(f.driverId()));
        }
        if (f.from() != null) {
            where.append(" and o.created_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and o.created_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        if (f.source() != null) {
            where.append(" and o.source = ?");
            args.add(f.source());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String pattern = SqlLike.contains(f.q().strip().toLowerCase(Locale.ROOT));
            where.append(" and (lower(o.number) like ? or lower(o.customer_name) like ? or coalesce(o.customer_phone, '') like ?)");
            args.addAll(List.of(pattern, pattern, pattern));
        }
        Long total = jdbc.queryForObject("select count(*) from sales_orders o" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<OrderSummary> items = jdbc.query("""
                select o.id, o.number, o.status, o.customer_id, o.customer_name, o.customer_phone,
                       o.delivery_address ->> 'city' as city, o.driver_id, o.driver_name, o.net, o.vat, o.gross, o.currency,
                       o.created_at, o.updated_at, o.refunded, o.source,
                       (select count(*) from sales_order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id) as line_count
                  from sales_orders o""" + where + " order by o.created_at desc, o.id desc limit ? offset ?",
                (rs, i) -> new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        OrderStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("city"),
                        rs.getObject("driver_id", UUID.class), rs.getString("driver_name"), rs.getInt("line_count"),
                        rs.getBigDecimal("net"), rs.getBigDecimal("vat"), rs.getBigDecimal("gross"), rs.getString("currency"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getBigDecimal("refunded"), null, rs.getString("source")),
                args.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    /** How many orders (of the driver, if given) are in each status. */
    public Map<OrderStatus, Long> countByStatus(UUID tenant, Optional<UUID> driver) {
        Map<OrderStatus, Long> counts = new LinkedHashMap<>();
        jdbc.query("select status, count(*) from sales_orders where tenant_id = ? and deleted_at is null"
                        + (driver.isPresent() ? " and driver_id = ?" : " and ?::uuid is null") + " group by status",
                rs -> {
                    counts.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }, tenant, driver.orElse(null));
        return counts;
    }

    /** The address as stored (the audit log keeps it so). */
    public String json(AddressSnapshot address) {
        return toJson(address);
    }

    private String toJson(AddressSnapshot address) {
        return address == null ? null : json.writeValueAsString(address);
    }

    private AddressSnapshot fromJson(String text) {
        return text == null ? null : json.readValue(text, AddressSnapshot.class);
    }
}
