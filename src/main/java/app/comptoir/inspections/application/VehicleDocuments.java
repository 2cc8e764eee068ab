package app.comptoir.inspections.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.inspections.persistence.VehicleDocumentStore.DocumentRow;
import app.comptoir.inspections.persistence.VehicleDocumentStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;

/**
 * The registration and identity documents the centre keeps for a vehicle: a photo or a PDF (10 MB at most), sealed
 * at rest with the module's own key (AES-256-GCM over the file's Base64, bound to the business, the vehicle and the
 * document, so that a sealed file copied into another row does not open) and deleted at the end of the business's
 * retention period ({@code inspection_settings.document_retention_days}, 90 days by default) by
 * {@link DocumentExpiry}. Listed without their content, downloaded opened, deleted by hand; uploads and deletions
 * are in the audit trail. Identity documents are personal data: only those who run inspections (INSPECTIONS_WRITE)
 * see them.
 */
@Service
@Transactional
public class VehicleDocuments {

    /** The audit trail's entity type of a kept document. */
    public static final String AUDITED = "vehicle-document";

    /** What a document is. */
    public static final Set<String> KINDS = Set.of("REGISTRATION", "IDENTITY");

    /** A kept document as listed, with its download link. */
    public record Document(UUID id, UUID vehicleId, String kind, String fileName, String contentType,
                           Instant deleteAfter, Instant createdAt, String url) {
    }

    /** A document's file, opened. */
    public record DocumentFile(String fileName, String contentType, byte[] bytes) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DocumentSettings.class)
    static class Settings {
    }

    private static final Logger log = LoggerFactory.getLogger(VehicleDocuments.class);

    private final VehicleDocumentStore store;
    private final SecretSeal seal;
    private final DocumentExpiry expiry;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final AuditRecorder audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    VehicleDocuments(VehicleDocumentStore store, DocumentSettings settings, ComptoirProperties properties,
                     DocumentExpiry expiry, TenantContext tenantContext, Permissions permissions, AuditRecorder audit,
                     Clock clock, PlatformTransactionManager txManager) {
        this.store = store;
        // the module's own seal (not a bean: each module keeps its key to itself)
        this.seal = new SecretSeal("comptoir.inspections.documents", settings.encryptionKey(),
                settings.previousEncryptionKeys(), properties.dataDir().resolve("inspections-encryption.key"));
        this.expiry = expiry;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * Keeps a document for the vehicle until the end of the retention period. Refuses a kind other than REGISTRATION
     * or IDENTITY, an empty file (400), a too large one (413), another format than a photo or a PDF (415), and a
     * vehicle the business does not have (404).
     */
    public Document upload(UUID vehicleId, byte[] bytes, String originalName, String kind) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        UUID tenant = tenantContext.requireTenant();
        String theKind = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(theKind)) {
            throw InvalidInputException.field("kind", "must be REGISTRATION or IDENTITY");
        }
        FileFormat format = RegistrationScanner.accept(bytes);
        if (!store.vehicleExists(tenant, vehicleId)) {
            throw new NotFoundException("Vehicle", vehicleId);
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        Instant deleteAfter = now.plus(Duration.ofDays(store.retentionDays(tenant)));
        DocumentRow row = new DocumentRow(id, vehicleId, theKind, fileName(originalName, format, theKind),
                format.contentType(), deleteAfter, now);
        SecretSeal.Sealed sealed = seal.seal(Base64.getEncoder().encodeToString(bytes),
                associated(tenant, vehicleId, id));
        store.insert(tenant, row, sealed, userId());
        audit.record(AUDITED, id, "CREATE", null, fields(row));
        expiry.plan(tenant, deleteAfter);
        return view(row);
    }

    /** The vehicle's documents, newest first, without their content. */
    @Transactional(readOnly = true)
    public List<Document> of(UUID vehicleId) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        UUID tenant = tenantContext.requireTenant();
        if (!store.vehicleExists(tenant, vehicleId)) {
            throw new NotFoundException("Vehicle", vehicleId);
        }
        return store.ofVehicle(tenant, vehicleId).stream().map(VehicleDocuments::view).toList();
    }

    /** A document's file, opened (sealed again with the current key when an older one sealed it). */
    public DocumentFile file(UUID vehicleId, UUID id) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        UUID tenant = tenantContext.requireTenant();
        VehicleDocumentStore.SealedDocument document = store.find(tenant, vehicleId, id)
                .orElseThrow(() -> new NotFoundException("Document", id));
        String base64;
        try {
            base64 = seal.open(document.sealed(), associated(tenant, vehicleId, id));
        } catch (SecretSeal.Unreadable e) {
            log.warn("Vehicle document {} cannot be opened: {}", id, e.getMessage());
            throw new NotFoundException("Document", id);
        }
        if (!seal.currentKeyId().equals(document.sealed().keyId())) {
            store.reseal(tenant, id, seal.seal(base64, associated(tenant, vehicleId, id)));
        }
        DocumentRow row = document.row();
        return new DocumentFile(row.fileName(), row.contentType(), Base64.getDecoder().decode(base64));
    }

    /** Deletes a document now (the audit trail keeps that it was there, not its content). */
    public void delete(UUID vehicleId, UUID id) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        DocumentRow deleted = store.delete(tenantContext.requireTenant(), vehicleId, id)
                .orElseThrow(() -> new NotFoundException("Document", id));
        audit.record(AUDITED, id, "DELETE", fields(deleted), null);
    }

    /**
     * Deletes the business's documents whose retention ended by {@code now} (the job passes its clock, tests a later
     * instant), each deletion audited as the system's; when the business's next document is due, if any.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Optional<Instant> expire(UUID tenant, Instant now) {
        return tenantContext.callAs(tenant, () -> tx.execute(status -> {
            List<DocumentRow> deleted = store.deleteExpired(tenant, now);
            for (DocumentRow row : deleted) {
                audit.record(AUDITED, row.id(), "DELETE", fields(row), Map.of("reason", "retention period ended"));
            }
            if (!deleted.isEmpty()) {
                log.info("Deleted {} vehicle documents of business {} at the end of their retention", deleted.size(),
                        tenant);
            }
            return store.nextExpiry(tenant);
        }));
    }

    private UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }

    private static String associated(UUID tenant, UUID vehicle, UUID document) {
        return "inspections-document:" + tenant + ":" + vehicle + ":" + document;
    }

    /** The name shown and offered on download: the uploaded name without its path, or one made from the kind. */
    private static String fileName(String original, FileFormat format, String kind) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || TextInput.hasControlCharacter(name)) {
            name = (kind.equals("IDENTITY") ? "piece-identite." : "carte-grise.") + format.extension();
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static Map<String, Object> fields(DocumentRow row) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("vehicleId", row.vehicleId());
        f.put("kind", row.kind());
        f.put("fileName", row.fileName());
        f.put("contentType", row.contentType());
        f.put("deleteAfter", row.deleteAfter().toString());
        return f;
    }

    private static Document view(DocumentRow r) {
        return new Document(r.id(), r.vehicleId(), r.kind(), r.fileName(), r.contentType(), r.deleteAfter(),
                r.createdAt(), "/api/v1/inspections/vehicles/" + r.vehicleId() + "/documents/" + r.id());
    }
}
