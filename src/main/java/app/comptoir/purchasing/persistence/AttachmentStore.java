package app.comptoir.purchasing.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirProperties;

/**
 * Attachments of purchase orders: their rows ({@code purchase_attachments}) and their files, under the data
 * directory in {@code purchase-attachments/<business>/<order>/<attachment>.<ext>} (the storage key, relative to
 * that directory). A deleted attachment keeps its row (deleted_at) and its file.
 */
@Component
public class AttachmentStore {

    /** An attachment as stored. */
    public record AttachmentRow(UUID id, UUID orderId, String kind, String fileName, String contentType, long size,
                                String storageKey, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final Path root;

    AttachmentStore(JdbcClient jdbc, ComptoirProperties properties) {
        this.jdbc = jdbc;
        this.root = properties.dataDir().resolve("purchase-attachments").toAbsolutePath().normalize();
    }

    /** Whether the business's own order exists (not deleted). */
    public boolean orderExists(UUID tenant, UUID orderId) {
        return jdbc.sql("select exists (select 1 from purchase_orders where tenant_id = ? and id = ? and deleted_at is null)")
                .params(tenant, orderId).query(Boolean.class).single();
    }

    /** Writes the file (to a temporary name first, so that a crash leaves no half file under the key); its key. */
    public String writeFile(UUID tenant, UUID orderId, UUID id, String extension, byte[] bytes) {
        String key = tenant + "/" + orderId + "/" + id + "." + extension;
        Path file = root.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(id + ".part");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + id, e);
        }
        return key;
    }

    /** Removes a file written for a row that never committed (best effort). */
    public void deleteFile(String key) {
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            // an orphan file is harmless
        }
    }

    /** The file of a storage key. */
    public Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalStateException("Storage key outside the attachments directory: " + key);
        }
        return file;
    }

    public void insert(UUID tenant, AttachmentRow row) {
        jdbc.sql("""
                insert into purchase_attachments (id, tenant_id, order_id, kind, file_name, content_type, size_bytes,
                  storage_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), tenant, row.orderId(), row.kind(), row.fileName(), row.contentType(), row.size(),
                        row.storageKey(), Timestamp.from(row.createdAt()))
                .update();
    }

    /** The order's attachments not deleted, oldest first. */
    public List<AttachmentRow> ofOrder(UUID tenant, UUID orderId) {
        return jdbc.sql(SELECT + " where tenant_id = ? and order_id = ? and deleted_at is null order by created_at, id")
                .params(tenant, orderId).query(AttachmentStore::row).list();
    }

    public Optional<AttachmentRow> find(UUID tenant, UUID orderId, UUID id) {
        return jdbc.sql(SELECT + " where tenant_id = ? and order_id = ? and id = ? and deleted_at is null")
                .params(tenant, orderId, id).query(AttachmentStore::row).optional();
    }

    /** Marks the attachment deleted; whether it was there. */
    public boolean softDelete(UUID tenant, UUID orderId, UUID id, UUID by, Instant at) {
        return jdbc.sql("""
                update purchase_attachments set deleted_at = ?, deleted_by = ?
                 where tenant_id = ? and order_id = ? and id = ? and deleted_at is null""")
                .params(Timestamp.from(at), by, tenant, orderId, id).update() == 1;
    }

    private static final String SELECT = """
            select id, order_id, kind, file_name, content_type, size_bytes, storage_key, created_at
              from purchase_attachments""";

    private static AttachmentRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new AttachmentRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
