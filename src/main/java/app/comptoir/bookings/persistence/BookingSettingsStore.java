package app.comptoir.bookings.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.bookings.domain.SetupRules.Settings;

/** Every SQL text of a business's booking settings ({@code booking_settings}; no row means the defaults). */
@Repository
public class BookingSettingsStore {

    private final JdbcTemplate jdbc;

    BookingSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Settings> find(UUID tenant) {
        return jdbc.query("""
                select slot_step_minutes, cutoff_hours, horizon_days, min_notice_minutes, hold_minutes, contact_phone,
                       public_note, what_to_bring from booking_settings where tenant_id = ?""",
                (rs, i) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), tenant).stream().findFirst();
    }

    public void save(UUID tenant, Settings s, Instant at, UUID by) {
        jdbc.update("""
                insert into booking_settings (tenant_id, slot_step_minutes, cutoff_hours, horizon_days,
                  min_notice_minutes, hold_minutes, contact_phone, public_note, what_to_bring, created_at, created_by,
                  updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set slot_step_minutes = excluded.slot_step_minutes,
                  cutoff_hours = excluded.cutoff_hours, horizon_days = excluded.horizon_days,
                  min_notice_minutes = excluded.min_notice_minutes, hold_minutes = excluded.hold_minutes,
                  contact_phone = excluded.contact_phone, public_note = excluded.public_note,
                  what_to_bring = excluded.what_to_bring,
                  updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                  version = booking_settings.version + 1""",
                tenant, s.slotStepMinutes(), s.cutoffHours(), s.horizonDays(), s.minNoticeMinutes(), s.holdMinutes(),
                s.contactPhone(), s.publicNote(), s.whatToBring(), Timestamp.from(at), by, Timestamp.from(at), by);
    }
}
