package app.comptoir.sales;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.identity.Users;
import app.comptoir.identity.UserView;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.ReservationLine;
import app.comptoir.inventory.Reservations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Role;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.DocumentNumbers;
import app.comptoir.sales.domain.LinePricer;
import app.comptoir.sales.domain.Pricing;
import app.comptoir.sales.domain.SaleLines;
import app.comptoir.sales.domain.SalesActor;

/**
 * Orders of the current tenant: creation (known or walk-in customer, lines priced from the catalog,
 * delivery address snapshot), the workflow with its stock effects, driver assignment and returns.
 *
 * <p>Stock: confirming reserves every line (all or nothing, through {@link Reservations} with the order id as
 * reservation id); cancelling a confirmed or preparing order releases it; going out for delivery commits it
 * into {@code SALE} movements; cancelling an order that is out for delivery and returns after delivery
 * record {@code RETURN} movements. A user who is only a driver sees and changes only the orders assigned to
 * them (others are not found).
 */
@Service
@Transactional
public class Orders {

    private static final String HEADER = """
            select id, number, status, customer_id, customer_name, customer_phone, delivery_address::text as address,
                   delivery_fee, notes, currency, net, vat, gross, refunded, driver_id, driver_name, quote_id, created_at,
                   updated_at, version
              from sales_orders""";

    /** The order's row (locked) joined with its lines, in position order; {@code %s}: the driver condition. */
    private static final String HEADER_WITH_LINES = """
            select o.id, o.number, o.status, o.customer_id, o.customer_name, o.customer_phone,
                   o.delivery_address::text as address, o.delivery_fee, o.notes, o.currency, o.net, o.vat, o.gross,
                   o.refunded, o.driver_id, o.driver_name, o.quote_id, o.created_at, o.updated_at, o.version,
                   l.id as line_id, l.variant_id, l.sku, l.label, l.quantity, l.unit_price, l.discount, l.vat_rate,
                   l.net as line_net, l.returned_quantity
              from sales_orders o
              left join sales_order_lines l on l.tenant_id = o.tenant_id and l.order_id = o.id
             where o.tenant_id = ? and o.id = ?%s
             order by l.position, l.id
               for update of o""";

    /** A draft order, its lines, its first history entry and its audit row: see {@link #insertDraft}. */
    private static final String INSERT_DRAFT = """
            with o as (
                insert into sales_orders (id, tenant_id, number, status, customer_id, customer_name, customer_phone,
                  delivery_address, delivery_fee, notes, currency, net, vat, gross, idempotency_key, quote_id,
                  created_at, created_by, updated_at, updated_by)
                values (?, ?, %s, 'DRAFT', ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                insert into sales_order_history (id, tenant_id, order_id, status, at, by_id, by_name, note)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                returning id, status, at, by_name, by_id, note),
            audit as (%s)
            select id, status, at, by_name, by_id, note from sales_order_history where tenant_id = ? and order_id = ?
            union all
            select id, status, at, by_name, by_id, note from entry
            order by at, id""".formatted(AuditRecorder.INSERT);

    private static final RowMapper<HistoryEntry> HISTORY = (rs, i) -> new HistoryEntry(
            OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
            rs.getObject("by_id", UUID.class), rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final SalesActor actor;
    private final Clock clock;
    private final Customers customers;
    private final LinePricer pricer;
    private final SaleLines saleLines;
    private final DocumentNumbers numbers;
    private final Reservations reservations;
    private final StockMovements movements;
    private final Tenants tenants;
    private final Users users;
    private final JsonMapper json;
    private final AuditRecorder audit;

    Orders(JdbcTemplate jdbc, SalesActor actor, Clock clock, Customers customers, LinePricer pricer,
           SaleLines saleLines, DocumentNumbers numbers, Reservations reservations, StockMovements movements,
           Tenants tenants, Users users, JsonMapper json, AuditRecorder audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.actor = actor;
        this.clock = clock;
        this.customers = customers;
        this.pricer = pricer;
        this.saleLines = saleLines;
        this.numbers = numbers;
        this.reservations = reservations;
        this.movements = movements;
        this.tenants = tenants;
        this.users = users;
        this.json = json;
    }

    /** The order's row. */
    private record Header(UUID id, String number, OrderStatus status, UUID customerId, String customerName,
                          String customerPhone, AddressSnapshot address, BigDecimal deliveryFee, String notes,
                          String currency, BigDecimal net, BigDecimal vat, BigDecimal gross, BigDecimal refunded,
                          UUID driverId, String driverName, UUID quoteId, Instant createdAt, Instant updatedAt,
                          long version) {
    }

    // ---------------------------------------------------------------- reading

    /** Orders, newest first (2 statements whatever the page size). */
    @Transactional(readOnly = true)
    public PageResponse<OrderSummary> list(OrderFilter filter, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        OrderFilter f = filter == null ? OrderFilter.none() : filter;
        StringBuilder where = new StringBuilder(" where o.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(actor.tenant()));
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.append(" and o.status = any(?)");
            args.add(f.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (f.customerId() != null) {
            where.append(" and o.customer_id = ?");
            args.add(f.customerId());
        }
        Optional<UUID> driver = actor.restrictedDriver();
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
        if (f.q() != null && !f.q().isBlank()) {
            String pattern = "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where.append(" and (lower(o.number) like ? or lower(o.customer_name) like ? or coalesce(o.customer_phone, '') like ?)");
            args.addAll(List.of(pattern, pattern, pattern));
        }
        Long total = jdbc.queryForObject("select count(*) from sales_orders o" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<OrderSummary> items = jdbc.query("""
                select o.id, o.number, o.status, o.customer_id, o.customer_name, o.customer_phone,
                       o.delivery_address ->> 'city' as city, o.driver_id, o.driver_name, o.net, o.vat, o.gross, o.currency,
                       o.created_at, o.updated_at,
                       (select count(*) from sales_order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id) as line_count
                  from sales_orders o""" + where + " order by o.created_at desc, o.id desc limit ? offset ?",
                (rs, i) -> new OrderSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        OrderStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("city"),
                        rs.getObject("driver_id", UUID.class), rs.getString("driver_name"), rs.getInt("line_count"),
                        rs.getBigDecimal("net"), rs.getBigDecimal("vat"), rs.getBigDecimal("gross"), rs.getString("currency"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()),
                args.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    /** An order with its lines, history and returns (4 statements). */
    @Transactional(readOnly = true)
    public OrderView get(UUID id) {
        return view(header("id = ?", id, false).orElseThrow(() -> new NotFoundException("Order", id)));
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(UUID id) {
        return header("id = ?", id, false).map(this::view);
    }

    @Transactional(readOnly = true)
    public OrderView byNumber(String number) {
        String n = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return header("number = ?", n, false).map(this::view).orElseThrow(() -> new NotFoundException("Order", n));
    }

    /** The order created earlier with this Idempotency-Key, if any. */
    @Transactional(readOnly = true)
    public Optional<OrderView> byIdempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return header("idempotency_key = ?", key.strip(), false).map(this::view);
    }

    /** Every status with the statuses it may move to and how many orders (the caller may see) are in it. */
    @Transactional(readOnly = true)
    public List<StatusInfo> statuses() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Optional<UUID> driver = actor.restrictedDriver();
        jdbc.query("select status, count(*) from sales_orders where tenant_id = ?"
                        + (driver.isPresent() ? " and driver_id = ?" : " and ?::uuid is null") + " group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, actor.tenant(), driver.orElse(null));
        List<StatusInfo> result = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            result.add(new StatusInfo(s, s.next(), s.isFinal(), counts.getOrDefault(s.name(), 0L)));
        }
        return result;
    }

    /** The users who may be assigned deliveries (enabled users with the DRIVER role), by name. */
    @Transactional(readOnly = true)
    public List<DriverRef> drivers() {
        return users.list(Role.DRIVER, null, true, 0, 200, "name").items().stream()
                .map(u -> new DriverRef(u.id(), u.name())).toList();
    }

    // ---------------------------------------------------------------- creating and editing

    /**
     * Creates a draft order. With an idempotency key already used, returns the order created then (nothing
     * new is created).
     */
    public OrderView create(OrderRequest request, String idempotencyKey) {
        String key = Checks.text("Idempotency-Key", idempotencyKey, 100);
        if (key != null) {
            Optional<OrderView> existing = byIdempotencyKey(key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (request == null) {
            throw InvalidInputException.field("lines", "is required");
        }
        TenantProfile tenantProfile = tenants.current();
        String currency = tenantProfile.currency();
        List<LineView> lines = pricer.price("lines", request.lines(), currency);
        BigDecimal fee = Optional.ofNullable(Checks.amount("deliveryFee", request.deliveryFee(), currency))
                .orElse(Pricing.round(BigDecimal.ZERO, currency));
        String notes = Checks.text("notes", request.notes(), 5000);
        Party party = party(request.customerId(), request.customer(), request.deliveryAddressId(),
                request.deliveryAddress(), true);
        Totals totals = Pricing.totals(lines, fee, currency);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        String number = insertDraft(id, party, lines, fee, notes, currency, totals, key, null, now,
                now.atZone(zone(tenantProfile)).getYear(), null, summary(party.customer, lines, totals));
        HistoryEntry created = new HistoryEntry(OrderStatus.DRAFT, now, actor.name(), actor.userId(), null);
        return new OrderView(id, number, OrderStatus.DRAFT, party.customer, party.address, lines, fee, totals,
                currency, notes, null, null, Pricing.round(BigDecimal.ZERO, currency), List.of(), List.of(created),
                OrderStatus.DRAFT.next(), now, now, 0);
    }

    /** Creates a draft order from a quote's content (used by quote conversion). */
    OrderView createFromQuote(QuoteView quote, UUID deliveryAddressId) {
        TenantProfile tenantProfile = tenants.current();
        Party party = quote.customer().id() != null
                ? party(quote.customer().id(), null, deliveryAddressId, null, true)
                : new Party(quote.customer(), null);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        List<LineView> lines = quote.lines().stream().map(l -> new LineView(Ids.newId(), l.variantId(), l.sku(), l.label(),
                l.quantity(), l.unitPrice(), l.discount(), l.vatRate(), l.net(), 0)).toList();
        Totals totals = Pricing.totals(lines, quote.deliveryFee(), quote.currency());
        Map<String, Object> created = summary(party.customer, lines, totals);
        created.put("quote", quote.number());
        insertDraft(id, party, lines, quote.deliveryFee(), quote.notes(), quote.currency(), totals, null, quote.id(), now,
                now.atZone(zone(tenantProfile)).getYear(), "Devis " + quote.number(), created);
        return get(id);
    }

    /**
     * Inserts a draft order with its lines, its first history entry and its audit row, numbered from the
     * tenant's sequence, in one statement; returns its number.
     */
    private String insertDraft(UUID id, Party party, List<LineView> lines, BigDecimal fee, String notes, String currency,
                               Totals totals, String idempotencyKey, UUID quoteId, Instant now, int year, String note,
                               Map<String, Object> audited) {
        UUID tenant = actor.tenant();
        Timestamp at = Timestamp.from(now);
        List<Object> args = new ArrayList<>(List.of(id, tenant, DocumentNumbers.prefix("CMD", year),
                numbers.sequence(tenant, "CMD", year)));
        args.addAll(Arrays.asList(party.customer.id(), party.customer.name(), party.customer.phone(),
                toJson(party.address), fee, notes, currency, totals.net(), totals.vat(), totals.gross(), idempotencyKey,
                quoteId, at, actor.userId(), at, actor.userId()));
        args.addAll(List.of(SaleLines.columns(lines, 0)));
        args.addAll(Arrays.asList(Ids.newId(), at, actor.userId(), actor.name(), note));
        args.addAll(Arrays.asList(audit.values(ORDER, id, "CREATE", null, audited)));
        return jdbc.queryForObject(INSERT_DRAFT, String.class, args.toArray());
    }

    /** Changes an order (see {@link OrderChanges} for what may change in which status). */
    public OrderView update(UUID id, OrderChanges changes) {
        Header h = lock(id);
        if (changes.version() != null && changes.version() != h.version()) {
            throw new ConflictException("concurrent-modification", "The order was changed by someone else; reload it");
        }
        boolean draftOnly = changes.customerId() != null || changes.customer() != null || changes.lines() != null
                || changes.deliveryFee() != null;
        if (draftOnly && h.status() != OrderStatus.DRAFT) {
            throw notDraft(h, "customer, lines and delivery fee");
        }
        boolean addressChange = changes.deliveryAddressId() != null || changes.deliveryAddress() != null;
        if (addressChange && !(h.status() == OrderStatus.DRAFT || h.status().holdsReservation())) {
            throw new ConflictException("order-locked", "The delivery address of order " + h.number()
                    + " cannot change once it is " + h.status());
        }
        if (changes.notes() != null && h.status().isFinal()) {
            throw new ConflictException("order-locked", "Order " + h.number() + " is " + h.status());
        }
        UUID tenant = actor.tenant();
        CustomerRef customer = new CustomerRef(h.customerId(), h.customerName(), h.customerPhone());
        AddressSnapshot address = h.address();
        if (changes.customerId() != null || changes.customer() != null || addressChange) {
            UUID customerId = changes.customerId() != null || changes.customer() != null ? changes.customerId() : h.customerId();
            WalkInCustomer walkIn = changes.customerId() == null ? changes.customer() : null;
            Party party = customerId == null && walkIn == null
                    ? new Party(customer, addressChange ? inline(changes.deliveryAddress()) : address)
                    : party(customerId, walkIn, changes.deliveryAddressId(), changes.deliveryAddress(), !addressChange
                            && (changes.customerId() != null || changes.customer() != null));
            customer = party.customer;
            address = addressChange || changes.customerId() != null || changes.customer() != null ? party.address : address;
        }
        BigDecimal fee = changes.deliveryFee() == null ? h.deliveryFee()
                : Checks.amount("deliveryFee", changes.deliveryFee(), h.currency());
        String notes = changes.notes() == null ? h.notes() : Checks.text("notes", changes.notes(), 5000);
        List<LineView> lines;
        if (changes.lines() != null) {
            lines = pricer.price("lines", changes.lines(), h.currency());
            saleLines.deleteAll(SaleLines.Kind.ORDER, tenant, id);
            saleLines.insert(SaleLines.Kind.ORDER, tenant, id, lines, 0);
        } else {
            lines = saleLines.load(SaleLines.Kind.ORDER, tenant, id);
        }
        Totals totals = Pricing.totals(lines, fee, h.currency());
        jdbc.update("""
                update sales_orders set customer_id = ?, customer_name = ?, customer_phone = ?, delivery_address = ?::jsonb,
                  delivery_fee = ?, notes = ?, net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ?""",
                customer.id(), customer.name(), customer.phone(), toJson(address), fee, notes, totals.net(), totals.vat(),
                totals.gross(), Timestamp.from(clock.instant()), actor.userId(), tenant, id);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("customer", h.customerName());
        before.put("address", toJson(h.address()));
        before.put("deliveryFee", h.deliveryFee());
        before.put("notes", h.notes());
        before.put("gross", h.gross());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("customer", customer.name());
        after.put("address", toJson(address));
        after.put("deliveryFee", fee);
        after.put("notes", notes);
        after.put("gross", totals.gross());
        audit.recordChanges(ORDER, id, before, after);
        return get(id);
    }

    /** Deletes a draft order. */
    public void delete(UUID id) {
        Header h = lock(id);
        if (h.status() != OrderStatus.DRAFT) {
            throw new ConflictException("order-not-draft", "Order " + h.number() + " is " + h.status()
                    + ": only a draft order can be deleted (cancel it instead)");
        }
        UUID tenant = actor.tenant();
        jdbc.update("update sales_quotes set order_id = null where tenant_id = ? and order_id = ?", tenant, id);
        saleLines.deleteAll(SaleLines.Kind.ORDER, tenant, id);
        jdbc.update("delete from sales_order_history where tenant_id = ? and order_id = ?", tenant, id);
        jdbc.update("delete from sales_orders where tenant_id = ? and id = ?", tenant, id);
        audit.record(ORDER, id, "DELETE", Map.of("number", h.number(), "gross", h.gross()), null);
    }

    /** Adds a line to a draft order. */
    public OrderView addLine(UUID id, LineRequest line) {
        Header h = lock(id);
        if (h.status() != OrderStatus.DRAFT) {
            throw notDraft(h, "lines");
        }
        UUID tenant = actor.tenant();
        List<LineView> existing = saleLines.load(SaleLines.Kind.ORDER, tenant, id);
        if (existing.size() >= LinePricer.MAX_LINES) {
            throw InvalidInputException.field("lines", "must have at most " + LinePricer.MAX_LINES + " lines");
        }
        List<LineView> added = pricer.price("line", List.of(line), h.currency());
        saleLines.insert(SaleLines.Kind.ORDER, tenant, id, added, existing.size());
        List<LineView> all = new ArrayList<>(existing);
        all.addAll(added);
        retotal(h, all);
        audit.record(ORDER, id, "UPDATE", null, Map.of("lineAdded", added.getFirst().sku() + " × " + added.getFirst().quantity()));
        return get(id);
    }

    /** Removes a line from a draft order. */
    public OrderView removeLine(UUID id, UUID lineId) {
        Header h = lock(id);
        if (h.status() != OrderStatus.DRAFT) {
            throw notDraft(h, "lines");
        }
        UUID tenant = actor.tenant();
        if (saleLines.delete(SaleLines.Kind.ORDER, tenant, id, lineId) == 0) {
            throw new NotFoundException("Order line", lineId);
        }
        retotal(h, saleLines.load(SaleLines.Kind.ORDER, tenant, id));
        audit.record(ORDER, id, "UPDATE", Map.of("line", lineId.toString()), Map.of("lineRemoved", lineId.toString()));
        return get(id);
    }

    // ---------------------------------------------------------------- workflow

    /** DRAFT → CONFIRMED: reserves the stock of every line, all or nothing. */
    public OrderView confirm(UUID id) {
        return changeStatus(id, OrderStatus.CONFIRMED, null);
    }

    /** Cancels an order that is not delivered yet, giving its stock back. */
    public OrderView cancel(UUID id, String note) {
        return changeStatus(id, OrderStatus.CANCELLED, note);
    }

    /**
     * Moves the order to the target status if the workflow allows it (else 409 {@code illegal-transition}),
     * with the stock effect of the step, and records who did it. A driver may only take their own orders out
     * for delivery and mark them delivered.
     */
    public OrderView changeStatus(UUID id, OrderStatus target, String note) {
        if (target == null) {
            throw InvalidInputException.field("status", "is required");
        }
        String text = Checks.text("note", note, 500);
        if (actor.restrictedDriver().isPresent() && target != OrderStatus.OUT_FOR_DELIVERY
                && target != OrderStatus.DELIVERED) {
            throw new AccessDeniedException("A driver may only take an order out for delivery or mark it delivered");
        }
        Locked locked = lockWithLines(id);
        Header h = locked.header();
        if (!h.status().canMoveTo(target)) {
            throw new IllegalTransitionException("Order " + h.number(), h.status(), target, h.status().next());
        }
        UUID tenant = actor.tenant();
        List<LineView> lines = locked.lines();
        Instant now = clock.instant();
        switch (target) {
            case CONFIRMED -> {
                if (lines.isEmpty()) {
                    throw new ConflictException("order-empty", "Order " + h.number() + " has no lines to confirm");
                }
                reservations.reserve(id, h.number(), lines.stream()
                        .map(l -> new ReservationLine(l.variantId(), l.quantity())).toList());
            }
            case OUT_FOR_DELIVERY -> {
                reservations.commit(id);
                // The lines count as sold from now (see SalesFigures).
                jdbc.update("update sales_order_lines set sold_at = ? where tenant_id = ? and order_id = ?",
                        Timestamp.from(now), tenant, id);
            }
            case CANCELLED -> {
                if (h.status().holdsReservation()) {
                    reservations.release(id);
                } else if (h.status() == OrderStatus.OUT_FOR_DELIVERY) {
                    jdbc.update("update sales_order_lines set sold_at = null where tenant_id = ? and order_id = ?",
                            tenant, id);
                    for (LineView l : lines) {
                        movements.record(new MovementRequest(Ids.newId(), l.variantId(), MovementType.RETURN,
                                l.quantity(), null, null, "Commande annulée en livraison", h.number()));
                    }
                }
            }
            default -> {
                // PREPARING and DELIVERED move no stock.
            }
        }
        Timestamp at = Timestamp.from(now);
        // sold_at: the first departure (the day its sale counts); none once cancelled, as on its lines.
        List<Object> args = new ArrayList<>(Arrays.asList(target.name(), at, actor.userId(),
                target == OrderStatus.OUT_FOR_DELIVERY, at, target == OrderStatus.CANCELLED, tenant, id,
                Ids.newId(), tenant, id, target.name(), at, actor.userId(), actor.name(), text));
        args.addAll(Arrays.asList(audit.values(ORDER, id, "UPDATE", Map.of("status", h.status().name()),
                Map.of("status", target.name()))));
        args.addAll(List.of(tenant, id));
        List<HistoryEntry> history = jdbc.query(CHANGE_STATUS, HISTORY, args.toArray());
        // The order as it now is, without reading its row and lines again.
        return view(new Header(h.id(), h.number(), target, h.customerId(), h.customerName(), h.customerPhone(),
                h.address(), h.deliveryFee(), h.notes(), h.currency(), h.net(), h.vat(), h.gross(), h.refunded(),
                h.driverId(), h.driverName(), h.quoteId(), h.createdAt(), now, h.version() + 1), lines, history);
    }

    /** Assigns the order to a user with the DRIVER role (null: unassigns it). */
    public OrderView assignDriver(UUID id, UUID driverId) {
        Header h = lock(id);
        if (h.status().isFinal()) {
            throw new ConflictException("order-locked", "Order " + h.number() + " is " + h.status());
        }
        String name = null;
        if (driverId != null) {
            UserView user;
            try {
                user = users.get(driverId);
            } catch (NotFoundException e) {
                throw InvalidInputException.field("driverId", "is not a user of this business");
            }
            if (!user.roles().contains(Role.DRIVER) || !user.enabled()) {
                throw InvalidInputException.field("driverId", "must be an enabled user with the DRIVER role");
            }
            name = user.name();
        }
        jdbc.update("update sales_orders set driver_id = ?, driver_name = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 where tenant_id = ? and id = ?", driverId, name, Timestamp.from(clock.instant()),
                actor.userId(), actor.tenant(), id);
        audit.recordChanges(ORDER, id, java.util.Collections.singletonMap("driver", h.driverName()),
                java.util.Collections.singletonMap("driver", name));
        return get(id);
    }

    /**
     * Records goods coming back after delivery: {@code RETURN} movements restock them, the lines count what
     * came back, and the refund is added to the order's {@code refunded}.
     */
    public OrderView recordReturn(UUID id, ReturnRequest request) {
        Header h = lock(id);
        if (h.status() != OrderStatus.DELIVERED) {
            throw new ConflictException("order-not-delivered", "Only a delivered order takes returns; order "
                    + h.number() + " is " + h.status());
        }
        ReturnRequest r = request == null ? new ReturnRequest(null, null, null) : request;
        String reason = Checks.text("reason", r.reason(), 500);
        UUID tenant = actor.tenant();
        List<LineView> lines = saleLines.load(SaleLines.Kind.ORDER, tenant, id);
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        if (r.lines() == null || r.lines().isEmpty()) {
            for (LineView l : lines) {
                if (l.quantity() > l.returnedQuantity()) {
                    taken.put(l.id(), l.quantity() - l.returnedQuantity());
                }
            }
            if (taken.isEmpty()) {
                throw new ConflictException("nothing-to-return", "Everything of order " + h.number() + " was already returned");
            }
        } else {
            for (int i = 0; i < r.lines().size(); i++) {
                ReturnRequest.Line rl = r.lines().get(i);
                String f = "lines[" + i + "]";
                if (rl == null || rl.lineId() == null) {
                    throw InvalidInputException.field(f + ".lineId", "is required");
                }
                LineView line = lines.stream().filter(l -> l.id().equals(rl.lineId())).findFirst()
                        .orElseThrow(() -> InvalidInputException.field(f + ".lineId", "is not a line of this order"));
                int remaining = line.quantity() - line.returnedQuantity() - taken.getOrDefault(line.id(), 0);
                if (rl.quantity() == null || rl.quantity() < 1 || rl.quantity() > remaining) {
                    throw InvalidInputException.field(f + ".quantity", "must be between 1 and " + remaining
                            + " (sold " + line.quantity() + ", returned " + line.returnedQuantity() + ")");
                }
                taken.merge(line.id(), rl.quantity(), Integer::sum);
            }
        }
        BigDecimal due = Pricing.round(BigDecimal.ZERO, h.currency());
        for (LineView l : lines) {
            if (taken.containsKey(l.id())) {
                due = due.add(Pricing.grossShare(l, taken.get(l.id()), h.currency()));
            }
        }
        BigDecimal refund = r.refund() == null ? due : Checks.amount("refund", r.refund(), h.currency());
        BigDecimal refundable = h.gross().subtract(h.refunded());
        if (refund.compareTo(refundable) > 0) {
            refund = r.refund() == null ? refundable : refund;
            if (refund.compareTo(refundable) > 0) {
                throw InvalidInputException.field("refund", "must be at most " + refundable + " (gross less earlier refunds)");
            }
        }
        UUID returnId = Ids.newId();
        Instant now = clock.instant();
        jdbc.update("insert into sales_returns (id, tenant_id, order_id, reason, refund, created_at, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?)", returnId, tenant, id, reason, refund, Timestamp.from(now), actor.userId());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (LineView l : lines) {
            Integer q = taken.get(l.id());
            if (q == null) {
                continue;
            }
            rows.add(new Object[] {tenant, returnId, l.id(), l.variantId(), q});
            updates.add(new Object[] {q, tenant, l.id()});
            movements.record(new MovementRequest(Ids.newId(), l.variantId(), MovementType.RETURN, q, null, null,
                    reason == null ? "Retour client" : truncate("Retour client : " + reason, 200), h.number()));
        }
        jdbc.batchUpdate("insert into sales_return_lines (tenant_id, return_id, order_line_id, variant_id, quantity)"
                + " values (?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("update sales_order_lines set returned_quantity = returned_quantity + ? where tenant_id = ? and id = ?",
                updates);
        jdbc.update("update sales_orders set refunded = refunded + ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", refund, Timestamp.from(now), actor.userId(), tenant, id);
        audit.record(ORDER, id, "RETURN", Map.of("refunded", h.refunded()),
                Map.of("refunded", h.refunded().add(refund), "units", taken.values().stream().mapToInt(Integer::intValue).sum()));
        return get(id);
    }

    // ---------------------------------------------------------------- internals

    private record Party(CustomerRef customer, AddressSnapshot address) {
    }

    /**
     * The customer (known or walk-in) and the delivery address snapshot: the given address of theirs, the one
     * given in full, or (if {@code useDefault}) their default delivery address.
     */
    private Party party(UUID customerId, WalkInCustomer walkIn, UUID addressId, AddressRequest inlineAddress,
                        boolean useDefault) {
        if (customerId != null) {
            CustomerView c = customers.find(customerId)
                    .orElseThrow(() -> InvalidInputException.field("customerId", "is not a customer of this business"));
            AddressSnapshot address;
            if (addressId != null) {
                AddressView a = c.addresses().stream().filter(x -> x.id().equals(addressId)).findFirst()
                        .orElseThrow(() -> InvalidInputException.field("deliveryAddressId", "is not an address of this customer"));
                address = snapshot(a);
            } else if (inlineAddress != null) {
                address = inline(inlineAddress);
            } else {
                address = useDefault ? c.addresses().stream().filter(AddressView::defaultDelivery).findFirst()
                        .map(Orders::snapshot).orElse(null) : null;
            }
            return new Party(new CustomerRef(c.id(), c.name(), c.phone()), address);
        }
        if (walkIn != null) {
            if (addressId != null) {
                throw InvalidInputException.field("deliveryAddressId", "needs a customerId (give a walk-in's address in full)");
            }
            return new Party(customers.walkIn(walkIn), inlineAddress == null ? null : inline(inlineAddress));
        }
        throw InvalidInputException.field("customerId", "is required (or a walk-in customer {name, phone})");
    }

    private static AddressSnapshot inline(AddressRequest request) {
        if (request == null) {
            return null;
        }
        AddressRequest a = Customers.validate(request);
        return new AddressSnapshot(null, a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions());
    }

    private static AddressSnapshot snapshot(AddressView a) {
        return new AddressSnapshot(a.id(), a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions());
    }

    private Optional<Header> header(String condition, Object value, boolean forUpdate) {
        Optional<UUID> driver = actor.restrictedDriver();
        String sql = HEADER + " where tenant_id = ? and " + condition
                + (driver.isPresent() ? " and driver_id = ?" : "") + (forUpdate ? " for update" : "");
        Object[] args = driver.isPresent() ? new Object[] {actor.tenant(), value, driver.get()}
                : new Object[] {actor.tenant(), value};
        return jdbc.query(sql, headerMapper(), args).stream().findFirst();
    }

    /** The order's row, locked until the transaction ends (so steps of one order never interleave). */
    private Header lock(UUID id) {
        return header("id = ?", id, true).orElseThrow(() -> new NotFoundException("Order", id));
    }

    private record Locked(Header header, List<LineView> lines) {
    }

    /** The order's row locked as by {@link #lock}, with its lines, in one statement. */
    private Locked lockWithLines(UUID id) {
        Optional<UUID> driver = actor.restrictedDriver();
        String sql = HEADER_WITH_LINES.formatted(driver.isPresent() ? " and o.driver_id = ?" : "");
        Object[] args = driver.isPresent() ? new Object[] {actor.tenant(), id, driver.get()}
                : new Object[] {actor.tenant(), id};
        RowMapper<Header> header = headerMapper();
        List<Header> headers = new ArrayList<>(1);
        List<LineView> lines = new ArrayList<>();
        jdbc.query(sql, rs -> {
            if (headers.isEmpty()) {
                headers.add(header.mapRow(rs, 0));
            }
            UUID lineId = rs.getObject("line_id", UUID.class);
            if (lineId != null) {
                lines.add(new LineView(lineId, rs.getObject("variant_id", UUID.class), rs.getString("sku"),
                        rs.getString("label"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("discount"), rs.getBigDecimal("vat_rate"), rs.getBigDecimal("line_net"),
                        rs.getInt("returned_quantity")));
            }
        }, args);
        if (headers.isEmpty()) {
            throw new NotFoundException("Order", id);
        }
        return new Locked(headers.getFirst(), List.copyOf(lines));
    }

    private RowMapper<Header> headerMapper() {
        return (rs, i) -> new Header(rs.getObject("id", UUID.class), rs.getString("number"),
                OrderStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"), rs.getString("customer_phone"), fromJson(rs.getString("address")),
                rs.getBigDecimal("delivery_fee"), rs.getString("notes"), rs.getString("currency"), rs.getBigDecimal("net"),
                rs.getBigDecimal("vat"), rs.getBigDecimal("gross"), rs.getBigDecimal("refunded"),
                rs.getObject("driver_id", UUID.class), rs.getString("driver_name"), rs.getObject("quote_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private OrderView view(Header h) {
        return view(h, saleLines.load(SaleLines.Kind.ORDER, actor.tenant(), h.id()));
    }

    private OrderView view(Header h, List<LineView> lines) {
        return view(h, lines, jdbc.query("""
                select status, at, by_name, by_id, note from sales_order_history where tenant_id = ? and order_id = ?
                 order by at, id""", HISTORY, actor.tenant(), h.id()));
    }

    private OrderView view(Header h, List<LineView> lines, List<HistoryEntry> history) {
        UUID tenant = actor.tenant();
        List<OrderReturn> returns = h.status() == OrderStatus.DELIVERED ? returns(tenant, h.id(), lines) : List.of();
        return new OrderView(h.id(), h.number(), h.status(), new CustomerRef(h.customerId(), h.customerName(),
                h.customerPhone()), h.address(), lines, h.deliveryFee(), Pricing.totals(lines, h.deliveryFee(), h.currency()),
                h.currency(), h.notes(), h.driverId() == null ? null : new DriverRef(h.driverId(), h.driverName()),
                h.quoteId(), h.refunded(), returns, history, h.status().next(), h.createdAt(), h.updatedAt(), h.version());
    }

    private List<OrderReturn> returns(UUID tenant, UUID orderId, List<LineView> lines) {
        Map<UUID, String> skus = new LinkedHashMap<>();
        lines.forEach(l -> skus.put(l.id(), l.sku()));
        Map<UUID, OrderReturn> byId = new LinkedHashMap<>();
        jdbc.query("""
                select r.id, r.created_at, r.reason, r.refund, rl.order_line_id, rl.variant_id, rl.quantity
                  from sales_returns r join sales_return_lines rl on rl.tenant_id = r.tenant_id and rl.return_id = r.id
                 where r.tenant_id = ? and r.order_id = ? order by r.created_at, r.id""", rs -> {
                    UUID rid = rs.getObject(1, UUID.class);
                    OrderReturn ret = byId.computeIfAbsent(rid, k -> {
                        try {
                            return new OrderReturn(rid, rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBigDecimal(4),
                                    new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    UUID lineId = rs.getObject(5, UUID.class);
                    ret.lines().add(new OrderReturn.Line(lineId, rs.getObject(6, UUID.class), skus.get(lineId), rs.getInt(7)));
                }, tenant, orderId);
        return byId.values().stream().map(r -> new OrderReturn(r.id(), r.at(), r.reason(), r.refund(), List.copyOf(r.lines())))
                .toList();
    }

    private void retotal(Header h, List<LineView> lines) {
        Totals totals = Pricing.totals(lines, h.deliveryFee(), h.currency());
        jdbc.update("update sales_orders set net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", totals.net(), totals.vat(), totals.gross(),
                Timestamp.from(clock.instant()), actor.userId(), actor.tenant(), h.id());
    }

    private static ConflictException notDraft(Header h, String what) {
        return new ConflictException("order-not-draft", "Order " + h.number() + " is " + h.status() + ": " + what
                + " change only in DRAFT");
    }

    private static ZoneId zone(TenantProfile profile) {
        try {
            return ZoneId.of(profile.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private String toJson(AddressSnapshot address) {
        return address == null ? null : json.writeValueAsString(address);
    }

    private AddressSnapshot fromJson(String text) {
        return text == null ? null : json.readValue(text, AddressSnapshot.class);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }


    /** The audit trail's entity type of orders (also the kind of change {@link SalesFigures#version} counts). */
    static final String ORDER = "order";

    /** What the audit log keeps of a new order. */
    private static Map<String, Object> summary(CustomerRef customer, List<LineView> lines, Totals totals) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customer", customer.name());
        f.put("lines", lines.stream().map(l -> l.sku() + " × " + l.quantity()).toList());
        f.put("gross", totals.gross());
        return f;
    }
}
