package app.comptoir.inspections.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;

/**
 * Every SQL text of vehicles. One live vehicle per plate and business (a unique partial index: a second one with the
 * same plate is a 409 the service reports); deletion is soft. Writes check the version the user saw.
 */
@Repository
public class VehicleStore {

    private static final String COLUMNS = """
            select id, plate, vin, brand, model, category, fuel, first_registered_on, owner_name, owner_email,
                   owner_phone, created_at, updated_at, version
              from vehicles""";

    private final JdbcTemplate jdbc;

    VehicleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VehicleView> find(UUID tenant, UUID id) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ? and deleted_at is null", VehicleStore::row,
                tenant, id).stream().findFirst();
    }

    /** The live vehicle with this plate (official spelling). */
    public Optional<VehicleView> byPlate(UUID tenant, String plate) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and plate = ? and deleted_at is null", VehicleStore::row,
                tenant, plate).stream().findFirst();
    }

    /** The live vehicles whose owner has this e-mail address (in any case), by plate; at most {@code limit}. */
    public List<VehicleView> ofOwnerEmail(UUID tenant, String email, int limit) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and lower(owner_email) = lower(?) and deleted_at is null"
                + " order by plate limit ?", VehicleStore::row, tenant, email.strip(), limit);
    }

    /** The vehicles whose plate, VIN, make or owner contains the text, by plate, a page at a time. */
    public PageResponse<VehicleView> search(UUID tenant, String text, int page, int size) {
        String where = " where tenant_id = ? and deleted_at is null";
        Object[] args = {tenant};
        if (text != null && !text.isBlank()) {
            String like = SqlLike.contains(text.strip().toLowerCase(java.util.Locale.ROOT));
            String compact = SqlLike.contains(text.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", ""));
            where += " " + """
                     and (replace(replace(plate, '-', ''), ' ', '') like ? or vin like ? or lower(brand) like ?
                          or lower(model) like ? or lower(owner_name) like ? or lower(owner_email) like ?)""";
            args = new Object[]{tenant, compact, compact, like, like, like, like};
        }
        Long total = jdbc.queryForObject("select count(*) from vehicles" + where, Long.class, args);
        Object[] paged = java.util.Arrays.copyOf(args, args.length + 2);
        paged[args.length] = size;
        paged[args.length + 1] = (long) page * size;
        List<VehicleView> items = jdbc.query(COLUMNS + where + " order by plate limit ? offset ?", VehicleStore::row,
                paged);
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    public void insert(UUID tenant, VehicleView v, UUID by) {
        jdbc.update("""
                insert into vehicles (id, tenant_id, plate, vin, brand, model, category, fuel, first_registered_on,
                                      owner_name, owner_email, owner_phone, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                v.id(), tenant, v.plate(), v.vin(), v.brand(), v.model(), v.category(), v.fuel(),
                v.firstRegisteredOn(), v.ownerName(), v.ownerEmail(), v.ownerPhone(), Timestamp.from(v.createdAt()),
                by, Timestamp.from(v.updatedAt()), by);
    }

    /** Stores the vehicle if it is still at the version read; false when someone changed it meanwhile. */
    public boolean update(UUID tenant, VehicleView v, long expectedVersion, UUID by) {
        return jdbc.update("""
                update vehicles set plate = ?, vin = ?, brand = ?, model = ?, category = ?, fuel = ?,
                       first_registered_on = ?, owner_name = ?, owner_email = ?, owner_phone = ?, updated_at = ?,
                       updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and version = ? and deleted_at is null""",
                v.plate(), v.vin(), v.brand(), v.model(), v.category(), v.fuel(), v.firstRegisteredOn(),
                v.ownerName(), v.ownerEmail(), v.ownerPhone(), Timestamp.from(v.updatedAt()), by, tenant, v.id(),
                expectedVersion) == 1;
    }

    public boolean softDelete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.update("update vehicles set deleted_at = ?, deleted_by = ? where tenant_id = ? and id = ? "
                + "and deleted_at is null", Timestamp.from(at), by, tenant, id) == 1;
    }

    private static VehicleView row(ResultSet rs, int i) throws SQLException {
        java.sql.Date first = rs.getDate("first_registered_on");
        return new VehicleView(rs.getObject("id", UUID.class), rs.getString("plate"), rs.getString("vin"),
                rs.getString("brand"), rs.getString("model"), rs.getString("category"), rs.getString("fuel"),
                first == null ? null : first.toLocalDate(), rs.getString("owner_name"), rs.getString("owner_email"),
                rs.getString("owner_phone"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
