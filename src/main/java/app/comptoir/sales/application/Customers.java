package app.comptoir.sales.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.CustomerRef;

/** The current tenant's customers (persons or companies) and their addresses. */
@Service
@Transactional
public class Customers {

    static final String ADDRESS_COLUMNS = "id, customer_id, label, line1, line2, postal_code, city, country, phone, "
            + "instructions, default_delivery, default_billing, version";

    static final RowMapper<AddressView> ADDRESS = (rs, i) -> new AddressView(rs.getObject("id", UUID.class),
            rs.getString("label"), rs.getString("line1"), rs.getString("line2"), rs.getString("postal_code"),
            rs.getString("city"), rs.getString("country"), rs.getString("phone"), rs.getString("instructions"),
            rs.getBoolean("default_delivery"), rs.getBoolean("default_billing"), rs.getLong("version"));

    private final JdbcTemplate jdbc;
    private final SalesActor actor;
    private final Clock clock;
    private final AuditRecorder audit;

    Customers(JdbcTemplate jdbc, SalesActor actor, Clock clock, AuditRecorder audit) {
        this.jdbc = jdbc;
        this.actor = actor;
        this.clock = clock;
        this.audit = audit;
    }

    /** Live customers by name, filtered by text (name, e-mail or phone), each with their addresses (3 statements). */
    @Transactional(readOnly = true)
    public PageResponse<CustomerView> list(String q, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        UUID tenant = actor.tenant();
        String where = " where tenant_id = ? and deleted_at is null";
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (q != null && !q.isBlank()) {
            where += " and (lower(name) like ? or lower(coalesce(email, '')) like ? or coalesce(phone, '') like ?)";
            String pattern = "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            args.addAll(List.of(pattern, pattern, pattern));
        }
        Long total = jdbc.queryForObject("select count(*) from sales_customers" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<CustomerView> rows = jdbc.query("select * from sales_customers" + where
                + " order by lower(name), id limit ? offset ?", (rs, i) -> customer(rs, List.of()), args.toArray());
        return new PageResponse<>(withAddresses(tenant, rows), total == null ? 0 : total, page, size);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /** A live customer with their addresses. */
    @Transactional(readOnly = true)
    public Optional<CustomerView> find(UUID id) {
        // One statement (orders read their customer on every creation): a row per address, the customer's
        // columns repeated on each (one row with no address when they have none).
        List<CustomerView> customer = new ArrayList<>(1);
        List<AddressView> addresses = new ArrayList<>();
        jdbc.query("""
                select a.id, a.customer_id, a.label, a.line1, a.line2, a.postal_code, a.city, a.country, a.phone,
                       a.instructions, a.default_delivery, a.default_billing, a.version, c.id as c_id, c.kind, c.name,
                       c.email, c.phone as c_phone, c.notes, c.walk_in, c.created_at, c.updated_at, c.version as c_version
                  from sales_customers c
                  left join sales_addresses a on a.tenant_id = c.tenant_id and a.customer_id = c.id
                 where c.tenant_id = ? and c.id = ? and c.deleted_at is null
                 order by a.default_delivery desc, a.created_at, a.id""", rs -> {
                    if (customer.isEmpty()) {
                        customer.add(new CustomerView(rs.getObject("c_id", UUID.class),
                                CustomerKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("email"),
                                rs.getString("c_phone"), rs.getString("notes"), rs.getBoolean("walk_in"), List.of(),
                                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                                rs.getLong("c_version")));
                    }
                    if (rs.getObject("id") != null) {
                        addresses.add(ADDRESS.mapRow(rs, 0));
                    }
                }, actor.tenant(), id);
        return customer.stream().findFirst().map(c -> new CustomerView(c.id(), c.kind(), c.name(), c.email(), c.phone(),
                c.notes(), c.walkIn(), List.copyOf(addresses), c.createdAt(), c.updatedAt(), c.version()));
    }

    public CustomerView create(CustomerRequest request) {
        Valid v = validate(request);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into sales_customers (id, tenant_id, kind, name, email, phone, notes, walk_in, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)""",
                id, actor.tenant(), v.kind.name(), v.name, v.email, v.phone, v.notes, now, actor.userId(), now, actor.userId());
        CustomerView created = get(id);
        audit.record(CUSTOMER, id, "CREATE", null, fields(created));
        return created;
    }

    public CustomerView update(UUID id, CustomerRequest request) {
        Valid v = validate(request);
        Optional<CustomerView> before = find(id);
        int changed = jdbc.update("""
                update sales_customers set kind = ?, name = ?, email = ?, phone = ?, notes = ?, walk_in = false,
                  updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null and (?::bigint is null or version = ?)""",
                v.kind.name(), v.name, v.email, v.phone, v.notes, Timestamp.from(clock.instant()), actor.userId(),
                actor.tenant(), id, request.version(), request.version());
        if (changed == 0) {
            get(id);
            throw new ConflictException("concurrent-modification", "The customer was changed by someone else; reload it");
        }
        CustomerView after = get(id);
        before.ifPresent(b -> audit.recordChanges(CUSTOMER, id, fields(b), fields(after)));
        return after;
    }

    /** Removes the customer from lists; their orders and quotes keep them. */
    public void delete(UUID id) {
        int changed = jdbc.update("""
                update sales_customers set deleted_at = ?, deleted_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""",
                Timestamp.from(clock.instant()), actor.userId(), actor.tenant(), id);
        if (changed == 0) {
            throw new NotFoundException("Customer", id);
        }
        audit.record(CUSTOMER, id, "DELETE", null, null);
    }

    @Transactional(readOnly = true)
    public List<AddressView> addresses(UUID customerId) {
        return get(customerId).addresses();
    }

    /** One of the customer's addresses. */
    @Transactional(readOnly = true)
    public Optional<AddressView> address(UUID customerId, UUID addressId) {
        return jdbc.query("select " + ADDRESS_COLUMNS + " from sales_addresses where tenant_id = ? and customer_id = ? and id = ?",
                ADDRESS, actor.tenant(), customerId, addressId).stream().findFirst();
    }

    /** Adds an address; the customer's first address becomes their default for delivery and billing. */
    public AddressView addAddress(UUID customerId, AddressRequest request) {
        CustomerView customer = get(customerId);
        AddressRequest a = validate(request);
        boolean first = customer.addresses().isEmpty();
        boolean delivery = first || Boolean.TRUE.equals(request.defaultDelivery());
        boolean billing = first || Boolean.TRUE.equals(request.defaultBilling());
        UUID tenant = actor.tenant();
        if (delivery) {
            jdbc.update("update sales_addresses set default_delivery = false where tenant_id = ? and customer_id = ? and default_delivery",
                    tenant, customerId);
        }
        if (billing) {
            jdbc.update("update sales_addresses set default_billing = false where tenant_id = ? and customer_id = ? and default_billing",
                    tenant, customerId);
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into sales_addresses (id, tenant_id, customer_id, label, line1, line2, postal_code, city, country, phone,
                  instructions, default_delivery, default_billing, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, customerId, a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(),
                a.instructions(), delivery, billing, now, actor.userId(), now, actor.userId());
        AddressView added = address(customerId, id).orElseThrow();
        audit.record(ADDRESS_ENTITY, id, "CREATE", null, fields(customerId, added));
        return added;
    }

    public AddressView updateAddress(UUID customerId, UUID addressId, AddressRequest request) {
        get(customerId);
        AddressRequest a = validate(request);
        Optional<AddressView> before = address(customerId, addressId);
        int changed = jdbc.update("""
                update sales_addresses set label = ?, line1 = ?, line2 = ?, postal_code = ?, city = ?, country = ?, phone = ?,
                  instructions = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and customer_id = ? and id = ?""",
                a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(), a.instructions(),
                Timestamp.from(clock.instant()), actor.userId(), actor.tenant(), customerId, addressId);
        if (changed == 0) {
            throw new NotFoundException("Address", addressId);
        }
        AddressView after = address(customerId, addressId).orElseThrow();
        before.ifPresent(b -> audit.recordChanges(ADDRESS_ENTITY, addressId, fields(customerId, b), fields(customerId, after)));
        return after;
    }

    /** Deletes an address (orders keep their copy); a default it was passes to the oldest remaining address. */
    public void deleteAddress(UUID customerId, UUID addressId) {
        get(customerId);
        AddressView removed = address(customerId, addressId).orElseThrow(() -> new NotFoundException("Address", addressId));
        UUID tenant = actor.tenant();
        jdbc.update("delete from sales_addresses where tenant_id = ? and id = ?", tenant, addressId);
        audit.record(ADDRESS_ENTITY, addressId, "DELETE", fields(customerId, removed), null);
        if (removed.defaultDelivery() || removed.defaultBilling()) {
            jdbc.update("""
                    update sales_addresses set default_delivery = default_delivery or ?, default_billing = default_billing or ?
                     where tenant_id = ? and id = (select id from sales_addresses where tenant_id = ? and customer_id = ?
                       order by created_at, id limit 1)""",
                    removed.defaultDelivery(), removed.defaultBilling(), tenant, tenant, customerId);
        }
    }

    /** Makes the address the default for delivery, billing or both ({@code type}: DELIVERY, BILLING, BOTH; default DELIVERY). */
    public CustomerView makeDefault(UUID customerId, UUID addressId, String type) {
        get(customerId);
        address(customerId, addressId).orElseThrow(() -> new NotFoundException("Address", addressId));
        String t = type == null || type.isBlank() ? "DELIVERY" : type.strip().toUpperCase(Locale.ROOT);
        if (!List.of("DELIVERY", "BILLING", "BOTH").contains(t)) {
            throw InvalidInputException.field("type", "must be DELIVERY, BILLING or BOTH");
        }
        UUID tenant = actor.tenant();
        if (!t.equals("BILLING")) {
            jdbc.update("update sales_addresses set default_delivery = false where tenant_id = ? and customer_id = ? and default_delivery",
                    tenant, customerId);
            jdbc.update("update sales_addresses set default_delivery = true where tenant_id = ? and id = ?", tenant, addressId);
        }
        if (!t.equals("DELIVERY")) {
            jdbc.update("update sales_addresses set default_billing = false where tenant_id = ? and customer_id = ? and default_billing",
                    tenant, customerId);
            jdbc.update("update sales_addresses set default_billing = true where tenant_id = ? and id = ?", tenant, addressId);
        }
        audit.record(ADDRESS_ENTITY, addressId, "UPDATE", null, Map.of("defaultFor", t));
        return get(customerId);
    }

    /**
     * The customer for a walk-in known by name and phone: the live customer with that phone if there is
     * one, else a new customer flagged {@code walkIn}.
     */
    public CustomerRef walkIn(WalkInCustomer walkIn) {
        String name = Checks.required("customer.name", walkIn.name(), 200);
        String phone = Checks.phone("customer.phone", walkIn.phone());
        UUID tenant = actor.tenant();
        if (phone != null) {
            List<CustomerRef> known = jdbc.query("""
                    select id, name, phone from sales_customers where tenant_id = ? and phone = ? and deleted_at is null
                     order by created_at limit 1""",
                    (rs, i) -> new CustomerRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), tenant, phone);
            if (!known.isEmpty()) {
                return known.getFirst();
            }
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into sales_customers (id, tenant_id, kind, name, phone, walk_in, created_at, created_by, updated_at,
                  updated_by) values (?, ?, 'PERSON', ?, ?, true, ?, ?, ?, ?)""",
                id, tenant, name, phone, now, actor.userId(), now, actor.userId());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", name);
        created.put("phone", phone);
        created.put("walkIn", true);
        audit.record(CUSTOMER, id, "CREATE", null, created);
        return new CustomerRef(id, name, phone);
    }

    private List<CustomerView> withAddresses(UUID tenant, List<CustomerView> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        Map<UUID, List<AddressView>> byCustomer = new LinkedHashMap<>();
        jdbc.query("select " + ADDRESS_COLUMNS + " from sales_addresses where tenant_id = ? and customer_id = any(?)"
                        + " order by default_delivery desc, created_at, id",
                rs -> {
                    byCustomer.computeIfAbsent(rs.getObject("customer_id", UUID.class), k -> new ArrayList<>())
                            .add(ADDRESS.mapRow(rs, 0));
                }, tenant, customers.stream().map(CustomerView::id).toArray(UUID[]::new));
        return customers.stream().map(c -> new CustomerView(c.id(), c.kind(), c.name(), c.email(), c.phone(), c.notes(),
                c.walkIn(), List.copyOf(byCustomer.getOrDefault(c.id(), List.of())), c.createdAt(), c.updatedAt(),
                c.version())).toList();
    }

    private static CustomerView customer(ResultSet rs, List<AddressView> addresses) throws SQLException {
        return new CustomerView(rs.getObject("id", UUID.class), CustomerKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("notes"),
                rs.getBoolean("walk_in"), addresses, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }

    private record Valid(CustomerKind kind, String name, String email, String phone, String notes) {
    }

    private static Valid validate(CustomerRequest r) {
        if (r == null) {
            throw InvalidInputException.field("name", "is required");
        }
        return new Valid(r.kind() == null ? CustomerKind.PERSON : r.kind(), Checks.required("name", r.name(), 200),
                Checks.email("email", r.email()), Checks.phone("phone", r.phone()), Checks.text("notes", r.notes(), 5000));
    }

    /** The address with its texts checked and trimmed (line1 and city required). */
    static AddressRequest validate(AddressRequest r) {
        if (r == null) {
            throw InvalidInputException.field("line1", "is required");
        }
        String country = r.country() == null || r.country().isBlank() ? "FR" : r.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw InvalidInputException.field("country", "must be a two-letter country code (FR, SN...)");
        }
        return new AddressRequest(Checks.text("label", r.label(), 80), Checks.required("line1", r.line1(), 200),
                Checks.text("line2", r.line2(), 200), Checks.text("postalCode", r.postalCode(), 20),
                Checks.required("city", r.city(), 100), country, Checks.phone("phone", r.phone()),
                Checks.text("instructions", r.instructions(), 500), r.defaultDelivery(), r.defaultBilling());
    }

    private static final String CUSTOMER = "customer";
    private static final String ADDRESS_ENTITY = "customer-address";

    /** What the audit log keeps of a customer. */
    private static Map<String, Object> fields(CustomerView c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", c.kind().name());
        f.put("name", c.name());
        f.put("email", c.email());
        f.put("phone", c.phone());
        f.put("notes", c.notes());
        return f;
    }

    /** What the audit log keeps of an address. */
    private static Map<String, Object> fields(UUID customerId, AddressView a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customerId", customerId.toString());
        f.put("label", a.label());
        f.put("line1", a.line1());
        f.put("line2", a.line2());
        f.put("postalCode", a.postalCode());
        f.put("city", a.city());
        f.put("country", a.country());
        f.put("phone", a.phone());
        f.put("instructions", a.instructions());
        return f;
    }
}
