package app.comptoir.purchasing.application;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.purchasing.persistence.AttachmentStore.AttachmentRow;
import app.comptoir.purchasing.persistence.AttachmentStore;

/**
 * Photos and PDFs of delivery notes and invoices attached to the business's purchase orders: JPEG, PNG, WebP or
 * PDF recognised by content, 10 MB at most, listed, downloaded and deleted (softly: the row and the file stay).
 */
@Service
@Transactional
public class PurchaseAttachments {

    /** What an attachment is. */
    public static final Set<String> KINDS = Set.of("DELIVERY_NOTE", "INVOICE", "OTHER");

    /** An attachment as listed, with its download link. */
    public record Attachment(UUID id, UUID orderId, String kind, String fileName, String contentType, long size,
                             Instant createdAt, String url) {
    }

    /** A file to send. */
    public record AttachmentFile(Path path, String contentType, String fileName) {
    }

    private final AttachmentStore store;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;
    private final TransactionTemplate tx;

    PurchaseAttachments(AttachmentStore store, TenantContext tenantContext, Permissions permissions, Clock clock,
                        PlatformTransactionManager txManager) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** Attaches a file to the order; refuses a file that is empty, too big or of another format (400). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Attachment add(UUID orderId, byte[] bytes, String originalName, String kind) {
        permissions.require(Permission.PURCHASES_WRITE);
        UUID tenant = tenantContext.requireTenant();
        String theKind = kind == null || kind.isBlank() ? "OTHER" : kind.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(theKind)) {
            throw InvalidInputException.field("kind", "must be one of DELIVERY_NOTE, INVOICE, OTHER");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.field("file", "is required (a photo or a PDF)");
        }
        if (bytes.length > FileFormat.MAX_DOCUMENT_BYTES) {
            throw InvalidInputException.field("file", "is larger than 10 MB");
        }
        FileFormat format = FileFormat.sniff(bytes);
        if (format == null) {
            throw InvalidInputException.field("file", "is not a JPEG, PNG or WebP photo nor a PDF");
        }
        String name = fileName(originalName, format);
        if (!Boolean.TRUE.equals(tx.execute(s -> store.orderExists(tenant, orderId)))) {
            throw new NotFoundException("Purchase order", orderId);
        }
        UUID id = Ids.newId();
        String key = store.writeFile(tenant, orderId, id, format.extension(), bytes);
        AttachmentRow row = new AttachmentRow(id, orderId, theKind, name, format.contentType(), bytes.length, key,
                clock.instant());
        try {
            tx.executeWithoutResult(s -> {
                if (!store.orderExists(tenant, orderId)) {
                    throw new NotFoundException("Purchase order", orderId);
                }
                store.insert(tenant, row);
            });
        } catch (RuntimeException e) {
            store.deleteFile(key);
            throw e;
        }
        return view(row);
    }

    /** The order's attachments, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> of(UUID orderId) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        if (!store.orderExists(tenant, orderId)) {
            throw new NotFoundException("Purchase order", orderId);
        }
        return store.ofOrder(tenant, orderId).stream().map(PurchaseAttachments::view).toList();
    }

    /** The file of an attachment. */
    @Transactional(readOnly = true)
    public AttachmentFile file(UUID orderId, UUID id) {
        permissions.require(Permission.READ);
        AttachmentRow row = store.find(tenantContext.requireTenant(), orderId, id)
                .orElseThrow(() -> new NotFoundException("Attachment", id));
        return new AttachmentFile(store.file(row.storageKey()), row.contentType(), row.fileName());
    }

    /** Deletes an attachment (it stays in the database and on disk, marked deleted). */
    public void delete(UUID orderId, UUID id) {
        permissions.require(Permission.PURCHASES_WRITE);
        UUID by = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        if (!store.softDelete(tenantContext.requireTenant(), orderId, id, by, clock.instant())) {
            throw new NotFoundException("Attachment", id);
        }
    }

    /** The name shown and offered on download: the uploaded name without its path, or one made from the format. */
    private static String fileName(String original, FileFormat format) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || TextInput.hasControlCharacter(name)) {
            name = "piece-jointe." + format.extension();
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static Attachment view(AttachmentRow r) {
        return new Attachment(r.id(), r.orderId(), r.kind(), r.fileName(), r.contentType(), r.size(), r.createdAt(),
                "/api/v1/purchase-orders/" + r.orderId() + "/attachments/" + r.id());
    }
}
