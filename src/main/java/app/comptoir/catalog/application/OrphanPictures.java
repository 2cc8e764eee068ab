package app.comptoir.catalog.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.persistence.ImageStore;
import app.comptoir.catalog.persistence.ImageStore.StoredFile;
import app.comptoir.catalog.persistence.ProductImageRepository;
import app.comptoir.platform.TenantContext;

/**
 * Picture files that no row refers to: a picture's files are written in the transaction that inserts
 * its row, just before the commit, and removed if it rolls back; a crash between the two leaves them
 * behind, and so does a failed removal after a deletion. Swept here, once they are older than
 * {@link #GRACE} (an upload in progress has written its files but not committed yet).
 */
@Service
public class OrphanPictures {

    private static final Logger log = LoggerFactory.getLogger(OrphanPictures.class);

    /** Files younger than this are left alone: their transaction may still commit. */
    public static final Duration GRACE = Duration.ofHours(1);
    private static final int IDS_PER_QUERY = 1000;

    private final ImageStore store;
    private final ProductImageRepository images;
    private final TenantContext tenantContext;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrphanPictures(ImageStore store, ProductImageRepository images, TenantContext tenantContext,
                   PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.images = images;
        this.tenantContext = tenantContext;
        this.transactions = new TransactionTemplate(txManager);
        this.transactions.setReadOnly(true);
        this.clock = clock;
    }

    /** Deletes every business's orphan picture files older than the grace period; returns how many. */
    public int sweep() {
        Instant before = clock.instant().minus(GRACE);
        int deleted = 0;
        for (UUID tenantId : store.tenants()) {
            List<StoredFile> old = store.filesOf(tenantId).stream().filter(f -> f.modified().isBefore(before)).toList();
            Set<UUID> known = known(tenantId, old.stream().map(StoredFile::imageId).distinct().toList());
            for (StoredFile file : old) {
                if (!known.contains(file.imageId())) {
                    store.deleteFile(file);
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} picture files that no product refers to", deleted);
        }
        return deleted;
    }

    private Set<UUID> known(UUID tenantId, List<UUID> ids) {
        Set<UUID> known = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            known.addAll(tenantContext.callAs(tenantId, () -> transactions.execute(s -> images.existing(tenantId, chunk))));
        }
        return known;
    }
}
