package app.comptoir.bookings.persistence;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.bookings.domain.OpeningInterval;
import app.comptoir.bookings.domain.ResourceKind;
import app.comptoir.bookings.domain.SetupRules.ResourceDefinition;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.platform.Ids;

/**
 * Every SQL text of resources ({@code booking_resources}), their weekly hours ({@code booking_opening_hours}) and the
 * services they perform ({@code booking_resource_services}). {@link #lock} is the serialisation point of bookings: a
 * booking locks its candidate resources' rows before it counts their appointments.
 */
@Repository
public class ResourceStore {

    private static final String COLUMNS = "select id, name, kind, capacity, active, version from booking_resources";

    private final JdbcTemplate jdbc;

    ResourceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The business's live resources by name, with their hours and services; only active ones when asked. */
    public List<ResourceView> list(UUID tenant, boolean activeOnly) {
        List<Row> rows = jdbc.query(COLUMNS + " where tenant_id = ? and deleted_at is null"
                + (activeOnly ? " and active" : "") + " order by lower(name), id", (rs, i) -> row(rs), tenant);
        return views(tenant, rows);
    }

    public Optional<ResourceView> find(UUID tenant, UUID id) {
        List<Row> rows = jdbc.query(COLUMNS + " where tenant_id = ? and id = ? and deleted_at is null",
                (rs, i) -> row(rs), tenant, id);
        return views(tenant, rows).stream().findFirst();
    }

    /** The live, active resources that perform the service, by name. */
    public List<ResourceView> performing(UUID tenant, UUID serviceId) {
        List<Row> rows = jdbc.query("""
                select r.id, r.name, r.kind, r.capacity, r.active, r.version from booking_resources r
                  join booking_resource_services s on s.resource_id = r.id and s.tenant_id = r.tenant_id
                 where r.tenant_id = ? and s.service_id = ? and r.deleted_at is null and r.active
                 order by lower(r.name), r.id""", (rs, i) -> row(rs), tenant, serviceId);
        return views(tenant, rows);
    }

    /**
     * Locks the resources' rows until the transaction ends, in id order (two bookings locking overlapping sets
     * wait for each other instead of deadlocking). Every booking, move and walk-in of a resource takes this lock
     * before counting the resource's appointments, so their checks and inserts are serialised per resource.
     */
    public void lock(UUID tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.query("select id from booking_resources where tenant_id = ? and id = any(?) order by id for update",
                rs -> { }, tenant, ids.toArray(UUID[]::new));
    }

    /** The weekly hours of a resource, as the slot computation reads them. */
    public static WeeklyHours weekly(ResourceView r) {
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        for (ResourceView.Hours h : r.hours()) {
            days.computeIfAbsent(DayOfWeek.of(h.weekday()), d -> new ArrayList<>())
                    .add(new OpeningInterval(LocalTime.parse(h.opensAt()), LocalTime.parse(h.closesAt())));
        }
        return WeeklyHours.of(days);
    }

    public void insert(UUID tenant, UUID id, ResourceDefinition r, Instant at, UUID by) {
        jdbc.update("""
                insert into booking_resources (id, tenant_id, name, kind, capacity, active, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, tenant, r.name(), r.kind().name(), r.capacity(), r.active(), Timestamp.from(at), by,
                Timestamp.from(at), by);
    }

    public boolean update(UUID tenant, UUID id, ResourceDefinition r, Long expectedVersion, Instant at, UUID by) {
        return jdbc.update("""
                update booking_resources set name = ?, kind = ?, capacity = ?, active = ?, updated_at = ?,
                  updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ? and deleted_at is null and (?::bigint is null or version = ?::bigint)""",
                r.name(), r.kind().name(), r.capacity(), r.active(), Timestamp.from(at), by, tenant, id,
                expectedVersion, expectedVersion) == 1;
    }

    public boolean delete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.update("""
                update booking_resources set deleted_at = ?, deleted_by = ?, active = false, updated_at = ?,
                  updated_by = ?, version = version + 1 where tenant_id = ? and id = ? and deleted_at is null""",
                Timestamp.from(at), by, Timestamp.from(at), by, tenant, id) == 1;
    }

    /** Replaces the resource's weekly hours. */
    public void replaceHours(UUID tenant, UUID resourceId, WeeklyHours hours, Instant at, UUID by) {
        jdbc.update("delete from booking_opening_hours where tenant_id = ? and resource_id = ?", tenant, resourceId);
        List<Object[]> rows = new ArrayList<>();
        hours.days().forEach((day, intervals) -> intervals.forEach(i -> rows.add(new Object[] {Ids.newId(), tenant,
                resourceId, day.getValue(), Time.valueOf(i.opens()), Time.valueOf(i.closes()), Timestamp.from(at), by})));
        jdbc.batchUpdate("""
                insert into booking_opening_hours (id, tenant_id, resource_id, weekday, opens_at, closes_at, created_at,
                  created_by) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Replaces the services the resource performs. */
    public void replaceServices(UUID tenant, UUID resourceId, Collection<UUID> serviceIds, Instant at, UUID by) {
        jdbc.update("delete from booking_resource_services where tenant_id = ? and resource_id = ?", tenant, resourceId);
        jdbc.batchUpdate("""
                insert into booking_resource_services (tenant_id, resource_id, service_id, created_at, created_by)
                values (?, ?, ?, ?, ?)""", serviceIds.stream().distinct()
                .map(s -> new Object[] {tenant, resourceId, s, Timestamp.from(at), by}).toList());
    }

    /** Adds one service to the resources (a new service performed by the resources chosen with it). */
    public void addService(UUID tenant, Collection<UUID> resourceIds, UUID serviceId, Instant at, UUID by) {
        jdbc.batchUpdate("""
                insert into booking_resource_services (tenant_id, resource_id, service_id, created_at, created_by)
                values (?, ?, ?, ?, ?) on conflict do nothing""", resourceIds.stream().distinct()
                .map(r -> new Object[] {tenant, r, serviceId, Timestamp.from(at), by}).toList());
    }

    /** The names of resources by id (deleted ones included: appointments keep naming them). */
    public Map<UUID, String> names(UUID tenant) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.query("select id, name from booking_resources where tenant_id = ?",
                rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, tenant);
        return names;
    }

    private record Row(UUID id, String name, ResourceKind kind, int capacity, boolean active, long version) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), ResourceKind.valueOf(rs.getString("kind")),
                rs.getInt("capacity"), rs.getBoolean("active"), rs.getLong("version"));
    }

    private List<ResourceView> views(UUID tenant, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, List<ResourceView.Hours>> hours = new HashMap<>();
        jdbc.query("""
                select resource_id, weekday, opens_at, closes_at from booking_opening_hours
                 where tenant_id = ? and resource_id = any(?) order by weekday, opens_at""",
                rs -> {
                    hours.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new ResourceView.Hours(rs.getInt(2), hhmm(rs.getTime(3)), hhmm(rs.getTime(4))));
                }, tenant, ids);
        Map<UUID, List<UUID>> services = new HashMap<>();
        jdbc.query("""
                select rs.resource_id, rs.service_id from booking_resource_services rs
                  join booking_services s on s.id = rs.service_id and s.deleted_at is null
                 where rs.tenant_id = ? and rs.resource_id = any(?) order by lower(s.name)""",
                rs -> {
                    services.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class));
                }, tenant, ids);
        return rows.stream().map(r -> new ResourceView(r.id(), r.name(), r.kind(), r.capacity(), r.active(),
                hours.getOrDefault(r.id(), List.of()), services.getOrDefault(r.id(), List.of()), r.version())).toList();
    }

    private static String hhmm(Time time) {
        return time.toLocalTime().toString().substring(0, 5);
    }
}
