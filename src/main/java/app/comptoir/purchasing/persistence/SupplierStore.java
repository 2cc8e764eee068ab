package app.comptoir.purchasing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;

/** Every SQL text of a business's suppliers ({@code suppliers}); deleted suppliers are kept, marked deleted. */
@Repository
public class SupplierStore {

    private static final String COLUMNS = """
            select id, name, contact_name, phone, email, address, city, notes, favourite, registered_tenant_id,
                   created_at, updated_at, version from suppliers""";

    /** What a supplier's row holds that its owner types. */
    public record Contact(String name, String contactName, String phone, String email, String address, String city,
                          String notes, boolean favourite) {
    }

    private final JdbcTemplate jdbc;

    SupplierStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A live supplier of the business. */
    public Optional<SupplierView> find(UUID tenant, UUID id) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ? and deleted_at is null", SupplierStore::view,
                tenant, id).stream().findFirst();
    }

    /** Live suppliers, favourites first then by name, narrowed to favourites and a text (name, contact, city, phone). */
    public PageResponse<SupplierView> list(UUID tenant, String q, boolean favouritesOnly, int page, int size) {
        StringBuilder where = new StringBuilder(" where tenant_id = ? and deleted_at is null");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (favouritesOnly) {
            where.append(" and favourite");
        }
        if (q != null && !q.isBlank()) {
            String pattern = SqlLike.contains(q.strip().toLowerCase(Locale.ROOT));
            where.append(" and (lower(name) like ? or lower(coalesce(contact_name, '')) like ?"
                    + " or lower(coalesce(city, '')) like ? or coalesce(phone, '') like ? or lower(coalesce(email, '')) like ?)");
            for (int i = 0; i < 5; i++) {
                args.add(pattern);
            }
        }
        Long total = jdbc.queryForObject("select count(*) from suppliers" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<SupplierView> items = jdbc.query(COLUMNS + where
                + " order by favourite desc, lower(name), id limit ? offset ?", SupplierStore::view, pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    public void insert(UUID tenant, UUID id, Contact c, Instant at, UUID by) {
        jdbc.update("""
                insert into suppliers (id, tenant_id, name, contact_name, phone, email, address, city, notes, favourite,
                  created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, c.name(), c.contactName(), c.phone(), c.email(), c.address(), c.city(), c.notes(),
                c.favourite(), Timestamp.from(at), by, Timestamp.from(at), by);
    }

    /** Updates a live supplier's contact; false when it is gone. */
    public boolean update(UUID tenant, UUID id, Contact c, Instant at, UUID by) {
        return jdbc.update("""
                update suppliers set name = ?, contact_name = ?, phone = ?, email = ?, address = ?, city = ?, notes = ?,
                  favourite = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""",
                c.name(), c.contactName(), c.phone(), c.email(), c.address(), c.city(), c.notes(), c.favourite(),
                Timestamp.from(at), by, tenant, id) == 1;
    }

    /** Marks a live supplier deleted, and what it supplied with it; false when it is gone already. */
    public boolean delete(UUID tenant, UUID id, Instant at, UUID by) {
        jdbc.update("""
                update supplier_variants set deleted_at = ?, deleted_by = ?, preferred = false
                 where tenant_id = ? and supplier_id = ? and deleted_at is null""", Timestamp.from(at), by, tenant, id);
        return jdbc.update("""
                update suppliers set deleted_at = ?, deleted_by = ?, favourite = false, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null""", Timestamp.from(at), by, tenant, id) == 1;
    }

    private static SupplierView view(ResultSet rs, int i) throws SQLException {
        return new SupplierView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact_name"),
                rs.getString("phone"), rs.getString("email"), rs.getString("address"), rs.getString("city"),
                rs.getString("notes"), rs.getBoolean("favourite"), rs.getObject("registered_tenant_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
