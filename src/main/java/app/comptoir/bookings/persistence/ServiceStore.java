package app.comptoir.bookings.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.bookings.domain.SetupRules.ServiceDefinition;

/** Every SQL text of bookable services ({@code booking_services}); a deleted service is kept, marked deleted. */
@Repository
public class ServiceStore {

    private static final String COLUMNS = """
            select id, name, description, duration_minutes, price, buffer_before_minutes, buffer_after_minutes,
                   vehicle_categories, active, version from booking_services""";

    private final JdbcTemplate jdbc;

    ServiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's live services by name; only the offered ones when {@code activeOnly}. */
    public List<ServiceView> list(UUID tenant, boolean activeOnly) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and deleted_at is null" + (activeOnly ? " and active" : "")
                + " order by lower(name), id", ServiceStore::view, tenant);
    }

    public Optional<ServiceView> find(UUID tenant, UUID id) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ? and deleted_at is null", ServiceStore::view,
                tenant, id).stream().findFirst();
    }

    /** The service, deleted or not (an appointment keeps the service it was booked for). */
    public Optional<ServiceView> findAny(UUID tenant, UUID id) {
        return jdbc.query(COLUMNS + " where tenant_id = ? and id = ?", ServiceStore::view, tenant, id).stream()
                .findFirst();
    }

    public void insert(UUID tenant, UUID id, ServiceDefinition s, Instant at, UUID by) {
        jdbc.update("""
                insert into booking_services (id, tenant_id, name, description, duration_minutes, price,
                  buffer_before_minutes, buffer_after_minutes, vehicle_categories, active, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, tenant);
                    ps.setString(3, s.name());
                    ps.setString(4, s.description());
                    ps.setInt(5, s.durationMinutes());
                    ps.setBigDecimal(6, s.price());
                    ps.setInt(7, s.bufferBeforeMinutes());
                    ps.setInt(8, s.bufferAfterMinutes());
                    ps.setArray(9, ps.getConnection().createArrayOf("text", s.vehicleCategories().toArray()));
                    ps.setBoolean(10, s.active());
                    ps.setTimestamp(11, Timestamp.from(at));
                    ps.setObject(12, by);
                    ps.setTimestamp(13, Timestamp.from(at));
                    ps.setObject(14, by);
                });
    }

    /** Changes a live service; false when it is gone or was changed since {@code expectedVersion} (when given). */
    public boolean update(UUID tenant, UUID id, ServiceDefinition s, Long expectedVersion, Instant at, UUID by) {
        return jdbc.update("""
                update booking_services set name = ?, description = ?, duration_minutes = ?, price = ?,
                  buffer_before_minutes = ?, buffer_after_minutes = ?, vehicle_categories = ?, active = ?,
                  updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null and (? is null or version = ?)""",
                ps -> {
                    ps.setString(1, s.name());
                    ps.setString(2, s.description());
                    ps.setInt(3, s.durationMinutes());
                    ps.setBigDecimal(4, s.price());
                    ps.setInt(5, s.bufferBeforeMinutes());
                    ps.setInt(6, s.bufferAfterMinutes());
                    ps.setArray(7, ps.getConnection().createArrayOf("text", s.vehicleCategories().toArray()));
                    ps.setBoolean(8, s.active());
                    ps.setTimestamp(9, Timestamp.from(at));
                    ps.setObject(10, by);
                    ps.setObject(11, tenant);
                    ps.setObject(12, id);
                    ps.setObject(13, expectedVersion, java.sql.Types.BIGINT);
                    ps.setObject(14, expectedVersion, java.sql.Types.BIGINT);
                }) == 1;
    }

    public boolean delete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.update("""
                update booking_services set deleted_at = ?, deleted_by = ?, active = false, updated_at = ?,
                  updated_by = ?, version = version + 1 where tenant_id = ? and id = ? and deleted_at is null""",
                Timestamp.from(at), by, Timestamp.from(at), by, tenant, id) == 1;
    }

    static ServiceView view(ResultSet rs, int row) throws SQLException {
        Array categories = rs.getArray("vehicle_categories");
        return new ServiceView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getInt("duration_minutes"), rs.getBigDecimal("price"), rs.getInt("buffer_before_minutes"),
                rs.getInt("buffer_after_minutes"),
                categories == null ? List.of() : Arrays.asList((String[]) categories.getArray()),
                rs.getBoolean("active"), rs.getLong("version"));
    }
}
