package app.comptoir.sales.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.domain.CustomerRef;

/**
 * Every SQL text of customers ({@code sales_customers}) and their addresses ({@code sales_addresses}).
 * Customers are plain records (no workflow), so there is no aggregate: the repository reads and writes
 * the views directly. Customers are soft-deleted: orders and quotes keep referring to them.
 */
@Repository
public class CustomerRepository {

    private static final String ADDRESS_COLUMNS = "id, customer_id, label, line1, line2, postal_code, city, country, phone, "
            + "instructions, default_delivery, default_billing, version";

    private static final RowMapper<AddressView> ADDRESS = (rs, i) -> new AddressView(rs.getObject("id", UUID.class),
            rs.getString("label"), rs.getString("line1"), rs.getString("line2"), rs.getString("postal_code"),
            rs.getString("city"), rs.getString("country"), rs.getString("phone"), rs.getString("instructions"),
            rs.getBoolean("default_delivery"), rs.getBoolean("default_billing"), rs.getLong("version"));

    private final JdbcTemplate jdbc;

    CustomerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Live customers by name, filtered by text (name, e-mail or phone), each with their addresses (3 statements). */
    public PageResponse<CustomerView> list(UUID tenant, String q, int page, int size) {
        String where = " where tenant_id = ? and deleted_at is null";
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (q != null && !q.isBlank()) {
            where += " and (lower(name) like ? or lower(coalesce(email, '')) like ? or coalesce(phone, '') like ?)";
            String pattern = SqlLike.contains(q.strip().toLowerCase(Locale.ROOT));
            args.addAll(List.of(pattern, pattern, pattern));
        }
        Long total = jdbc.queryForObject("select count(*) from sales_customers" + where, Long.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<CustomerView> rows = jdbc.query("select * from sales_customers" + where
                + " order by lower(name), id limit ? offset ?", (rs, i) -> customer(rs, List.of()), args.toArray());
        return new PageResponse<>(withAddresses(tenant, rows), total == null ? 0 : total, page, size);
    }

    /** A live customer with their addresses. */
    public Optional<CustomerView> find(UUID tenant, UUID id) {
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
                }, tenant, id);
        return customer.stream().findFirst().map(c -> new CustomerView(c.id(), c.kind(), c.name(), c.email(), c.phone(),
                c.notes(), c.walkIn(), List.copyOf(addresses), c.createdAt(), c.updatedAt(), c.version()));
    }

    /** The fields of a customer as entered (checked by the caller). */
    public record CustomerFields(CustomerKind kind, String name, String email, String phone, String notes) {
    }

    public void insert(UUID tenant, UUID id, CustomerFields c, Instant at, UUID by) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into sales_customers (id, tenant_id, kind, name, email, phone, notes, walk_in, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)""",
                id, tenant, c.kind().name(), c.name(), c.email(), c.phone(), c.notes(), now, by, now, by);
    }

    /** Updates a live customer if {@code version} is null or current; false otherwise. */
    public boolean update(UUID tenant, UUID id, CustomerFields c, Long version, Instant at, UUID by) {
        return jdbc.update("""
                update sales_customers set kind = ?, name = ?, email = ?, phone = ?, notes = ?, walk_in = false,
                  updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null and (?::bigint is null or version = ?)""",
                c.kind().name(), c.name(), c.email(), c.phone(), c.notes(), Timestamp.from(at), by, tenant, id,
                version, version) > 0;
    }

    /** Soft-deletes a live customer; false if there is none. */
    public boolean softDelete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.update("""
                update sales_customers set deleted_at = ?, deleted_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""", Timestamp.from(at), by, tenant, id) > 0;
    }

    /**
     * Anonymises a live customer for good (the right to erasure): the name replaced, no e-mail, phone, notes or
     * address left, and removed from the lists; their orders keep referring to them. False if there is none.
     */
    public boolean anonymise(UUID tenant, UUID id, String name, Instant at, UUID by) {
        int changed = jdbc.update("""
                update sales_customers set name = ?, email = null, phone = null, notes = null, walk_in = false,
                  updated_at = ?, updated_by = ?, deleted_at = ?, deleted_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""",
                name, Timestamp.from(at), by, Timestamp.from(at), by, tenant, id);
        if (changed > 0) {
            jdbc.update("delete from sales_addresses where tenant_id = ? and customer_id = ?", tenant, id);
        }
        return changed > 0;
    }

    /** The oldest live customer with this phone, if any. */
    public Optional<CustomerRef> byPhone(UUID tenant, String phone) {
        return jdbc.query("""
                select id, name, phone from sales_customers where tenant_id = ? and phone = ? and deleted_at is null
                 order by created_at limit 1""",
                (rs, i) -> new CustomerRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), tenant, phone)
                .stream().findFirst();
    }

    /** A customer created on the spot for a walk-in (a person, flagged {@code walk_in}). */
    public void insertWalkIn(UUID tenant, UUID id, String name, String phone, Instant at, UUID by) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into sales_customers (id, tenant_id, kind, name, phone, walk_in, created_at, created_by, updated_at,
                  updated_by) values (?, ?, 'PERSON', ?, ?, true, ?, ?, ?, ?)""",
                id, tenant, name, phone, now, by, now, by);
    }

    /** One of the customer's addresses. */
    public Optional<AddressView> address(UUID tenant, UUID customerId, UUID addressId) {
        return jdbc.query("select " + ADDRESS_COLUMNS + " from sales_addresses where tenant_id = ? and customer_id = ? and id = ?",
                ADDRESS, tenant, customerId, addressId).stream().findFirst();
    }

    /** Clears the customer's default address for delivery ({@code delivery}) or billing. */
    public void clearDefault(UUID tenant, UUID customerId, boolean delivery) {
        String column = delivery ? "default_delivery" : "default_billing";
        jdbc.update("update sales_addresses set " + column + " = false where tenant_id = ? and customer_id = ? and " + column,
                tenant, customerId);
    }

    /** Makes the address the default for delivery ({@code delivery}) or billing. */
    public void setDefault(UUID tenant, UUID addressId, boolean delivery) {
        String column = delivery ? "default_delivery" : "default_billing";
        jdbc.update("update sales_addresses set " + column + " = true where tenant_id = ? and id = ?", tenant, addressId);
    }

    public void insertAddress(UUID tenant, UUID customerId, UUID id, AddressSnapshot a, boolean delivery, boolean billing,
                              Instant at, UUID by) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into sales_addresses (id, tenant_id, customer_id, label, line1, line2, postal_code, city, country, phone,
                  instructions, default_delivery, default_billing, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, customerId, a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(),
                a.instructions(), delivery, billing, now, by, now, by);
    }

    /** Updates an address of the customer; false if there is none. */
    public boolean updateAddress(UUID tenant, UUID customerId, UUID addressId, AddressSnapshot a, Instant at, UUID by) {
        return jdbc.update("""
                update sales_addresses set label = ?, line1 = ?, line2 = ?, postal_code = ?, city = ?, country = ?, phone = ?,
                  instructions = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and customer_id = ? and id = ?""",
                a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(), a.instructions(),
                Timestamp.from(at), by, tenant, customerId, addressId) > 0;
    }

    /** Deletes an address; the defaults it held pass to the customer's oldest remaining address. */
    public void deleteAddress(UUID tenant, UUID customerId, AddressView removed) {
        jdbc.update("delete from sales_addresses where tenant_id = ? and id = ?", tenant, removed.id());
        if (removed.defaultDelivery() || removed.defaultBilling()) {
            jdbc.update("""
                    update sales_addresses set default_delivery = default_delivery or ?, default_billing = default_billing or ?
                     where tenant_id = ? and id = (select id from sales_addresses where tenant_id = ? and customer_id = ?
                       order by created_at, id limit 1)""",
                    removed.defaultDelivery(), removed.defaultBilling(), tenant, tenant, customerId);
        }
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
}
