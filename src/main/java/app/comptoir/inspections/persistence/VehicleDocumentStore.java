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

import app.comptoir.platform.SecretSeal;

/**
 * Every SQL text of the documents kept for a vehicle ({@code vehicle_documents}): the sealed file with its metadata,
 * and the two facts they need from the module's other tables, whether the vehicle exists in the business and the
 * business's retention period ({@code inspection_settings}, 90 days without a row).
 */
@Repository
public class VehicleDocumentStore {

    /** The retention period when the business has not set one. */
    public static final int DEFAULT_RETENTION_DAYS = 90;

    /** A kept document without its content. */
    public record DocumentRow(UUID id, UUID vehicleId, String kind, String fileName, String contentType,
                              Instant deleteAfter, Instant createdAt) {
    }

    /** A kept document with its sealed content. */
    public record SealedDocument(DocumentRow row, SecretSeal.Sealed sealed) {
    }

    private static final String COLUMNS = "id, vehicle_id, kind, file_name, content_type, delete_after, created_at";

    private final JdbcTemplate jdbc;

    VehicleDocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the vehicle exists (not deleted) in the business. */
    public boolean vehicleExists(UUID tenant, UUID vehicleId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from vehicles where tenant_id = ? and id = ? and deleted_at is null)""",
                Boolean.class, tenant, vehicleId));
    }

    /** How many days the business keeps uploaded documents. */
    public int retentionDays(UUID tenant) {
        List<Integer> days = jdbc.queryForList(
                "select document_retention_days from inspection_settings where tenant_id = ?", Integer.class, tenant);
        return days.isEmpty() ? DEFAULT_RETENTION_DAYS : days.getFirst();
    }

    public void insert(UUID tenant, DocumentRow row, SecretSeal.Sealed sealed, UUID by) {
        jdbc.update("""
                insert into vehicle_documents (id, tenant_id, vehicle_id, kind, file_name, content_type, key_id, sealed,
                  delete_after, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.id(), tenant, row.vehicleId(), row.kind(), row.fileName(), row.contentType(), sealed.keyId(),
                sealed.bytes(), Timestamp.from(row.deleteAfter()), Timestamp.from(row.createdAt()), by);
    }

    /** The vehicle's documents, newest first. */
    public List<DocumentRow> ofVehicle(UUID tenant, UUID vehicleId) {
        return jdbc.query("select " + COLUMNS + " from vehicle_documents where tenant_id = ? and vehicle_id = ?"
                + " order by created_at desc, id desc", VehicleDocumentStore::row, tenant, vehicleId);
    }

    public Optional<SealedDocument> find(UUID tenant, UUID vehicleId, UUID id) {
        return jdbc.query("select " + COLUMNS + ", key_id, sealed from vehicle_documents"
                        + " where tenant_id = ? and vehicle_id = ? and id = ?",
                (rs, i) -> new SealedDocument(row(rs, i), new SecretSeal.Sealed(rs.getString("key_id"),
                        rs.getBytes("sealed"))), tenant, vehicleId, id).stream().findFirst();
    }

    /** Replaces a document's sealed content (sealed again with the current key). */
    public void reseal(UUID tenant, UUID id, SecretSeal.Sealed sealed) {
        jdbc.update("update vehicle_documents set key_id = ?, sealed = ? where tenant_id = ? and id = ?",
                sealed.keyId(), sealed.bytes(), tenant, id);
    }

    public Optional<DocumentRow> delete(UUID tenant, UUID vehicleId, UUID id) {
        return jdbc.query("delete from vehicle_documents where tenant_id = ? and vehicle_id = ? and id = ? returning "
                + COLUMNS, VehicleDocumentStore::row, tenant, vehicleId, id).stream().findFirst();
    }

    /** Deletes the business's documents whose time has come; those deleted. */
    public List<DocumentRow> deleteExpired(UUID tenant, Instant now) {
        return jdbc.query("delete from vehicle_documents where tenant_id = ? and delete_after <= ? returning " + COLUMNS,
                VehicleDocumentStore::row, tenant, Timestamp.from(now));
    }

    /** When the business's next document is due for deletion, if it keeps any. */
    public Optional<Instant> nextExpiry(UUID tenant) {
        Timestamp next = jdbc.queryForObject("select min(delete_after) from vehicle_documents where tenant_id = ?",
                Timestamp.class, tenant);
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    private static DocumentRow row(ResultSet rs, int i) throws SQLException {
        return new DocumentRow(rs.getObject("id", UUID.class), rs.getObject("vehicle_id", UUID.class),
                rs.getString("kind"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getTimestamp("delete_after").toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
