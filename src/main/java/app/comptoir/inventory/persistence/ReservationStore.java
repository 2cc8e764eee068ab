package app.comptoir.inventory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.inventory.Reservation;
import app.comptoir.inventory.ReservationLine;

/** The SQL of reservations ({@code stock_reservations} and their lines); the levels are held by {@link LevelStore}. */
@Component
public class ReservationStore {

    private final JdbcTemplate jdbc;

    ReservationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts an active reservation with its lines in one statement; false (and nothing written) when the
     * id exists already in the business (a retry; ids are unique per business only).
     */
    public boolean insert(UUID id, UUID tenant, String reference, List<ReservationLine> lines, Instant at,
                          String requestHash) {
        Timestamp now = Timestamp.from(at);
        return jdbc.update("""
                with reservation as (
                    insert into stock_reservations (id, tenant_id, reference, status, created_at, updated_at, request_hash)
                    values (?, ?, ?, 'ACTIVE', ?, ?, ?) on conflict (tenant_id, id) do nothing
                    returning id, tenant_id)
                insert into stock_reservation_lines (tenant_id, reservation_id, variant_id, location_id, quantity)
                select r.tenant_id, r.id, l.variant_id, l.location_id, l.quantity
                  from reservation r
                 cross join unnest(cast(? as uuid[]), cast(? as uuid[]), cast(? as integer[]))
                       as l(variant_id, location_id, quantity)""",
                id, tenant, reference, now, now, requestHash,
                lines.stream().map(ReservationLine::variantId).toArray(UUID[]::new),
                lines.stream().map(ReservationLine::locationId).toArray(UUID[]::new),
                lines.stream().map(ReservationLine::quantity).toArray(Integer[]::new)) > 0;
    }

    /** A reservation with its lines. */
    public Optional<Reservation> find(UUID tenant, UUID id) {
        List<ReservationLine> lines = jdbc.query("""
                select variant_id, quantity, location_id from stock_reservation_lines
                 where tenant_id = ? and reservation_id = ? order by variant_id, location_id""",
                (rs, i) -> new ReservationLine(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class)),
                tenant, id);
        return jdbc.query("select * from stock_reservations where tenant_id = ? and id = ?",
                (rs, i) -> new Reservation(id, rs.getString("reference"),
                        Reservation.Status.valueOf(rs.getString("status")), lines,
                        rs.getTimestamp("created_at").toInstant()), tenant, id).stream().findFirst();
    }

    /** The hash of the request that made the reservation (null when none was stored). */
    public Optional<String> requestHash(UUID tenant, UUID id) {
        return jdbc.query("select request_hash from stock_reservations where tenant_id = ? and id = ?",
                (rs, i) -> rs.getString(1), tenant, id).stream().findFirst();
    }

    /** Moves an active reservation to the target status; false if it was not active. */
    public boolean close(UUID tenant, UUID id, Reservation.Status target, Instant at) {
        return jdbc.update("""
                update stock_reservations set status = ?, updated_at = ?
                 where tenant_id = ? and id = ? and status = 'ACTIVE'""",
                target.name(), Timestamp.from(at), tenant, id) == 1;
    }
}
