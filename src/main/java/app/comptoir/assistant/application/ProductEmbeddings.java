package app.comptoir.assistant.application;

import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.comptoir.catalog.ProductChanged;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.JobProgress;

/**
 * Keeps the embeddings up to date: each product change of the catalog is embedded after the catalog's transaction
 * committed, asynchronously, through the event publication registry (a crash before it is done resubmits it), and
 * a backfill brings every business up to date some time after the start (products created before this feature, or
 * while a node was down), on one low-priority thread, one business after the other, so that neither the start nor
 * the requests wait for it. Re-running it is cheap: unchanged products are not encoded again.
 */
@Component
class ProductEmbeddings {

    /** The listener's id in the event publication registry. */
    static final String LISTENER_ID = "assistant.embed-changed-product";

    private static final Logger log = LoggerFactory.getLogger(ProductEmbeddings.class);

    private final EmbeddingIndex index;
    private final Tenants tenants;
    private final boolean backfillOnStart;
    private final Duration backfillDelay;

    ProductEmbeddings(EmbeddingIndex index, Tenants tenants,
                      @Value("${comptoir.assistant.embeddings.backfill-on-start:true}") boolean backfillOnStart,
                      @Value("${comptoir.assistant.embeddings.backfill-delay:30s}") Duration backfillDelay) {
        this.index = index;
        this.tenants = tenants;
        this.backfillOnStart = backfillOnStart;
        this.backfillDelay = backfillDelay;
    }

    @ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
    void on(ProductChanged event) {
        if (event.change() == ProductChanged.Change.DELETED) {
            index.forget(event.tenantId(), event.productId());
        } else {
            index.refresh(event.tenantId(), event.productId());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillLater() {
        if (!backfillOnStart) {
            return;
        }
        Thread thread = Thread.ofPlatform().name("assistant-embeddings-backfill").daemon(true)
                .priority(Thread.MIN_PRIORITY).unstarted(this::backfill);
        thread.start();
    }

    private void backfill() {
        try {
            Thread.sleep(backfillDelay);
            for (String slug : tenants.merchantSlugsWith(BusinessModule.CATALOG)) {
                UUID tenant = tenants.bySlug(slug).orElseThrow().id();
                EmbeddingIndex.Report report = index.refresh(tenant, JobProgress.NONE);
                if (report.embedded() > 0) {
                    log.info("Embeddings of {}: {} products, {} embedded in {} ms", slug, report.products(),
                            report.embedded(), report.millis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("The embeddings backfill stopped: {}", e.toString());
        }
    }
}
