package app.comptoir.inventory.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.ProductChanged;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.platform.TenantContext;

/**
 * Inventory's reaction to variants leaving the catalog (a product deleted, or variants dropped from it):
 * their open stock alerts are resolved, since no movement will ever end them and the alert list would
 * keep showing goods that no longer exist. The stock levels and the ledger stay, as history.
 *
 * <p>It runs after the catalog's transaction committed, asynchronously, through the event publication
 * registry: a publication is stored with the catalog's change (only for a change that removed variants,
 * see the condition), deleted once this listener completed, and resubmitted after a restart if the node
 * stopped before. The work runs in its own transaction under the event's tenant (row-level security needs
 * it set when the transaction begins, hence no transaction around the listener itself), and is idempotent.
 */
@Component
public class RemovedVariants {

    /** The listener's id in the event publication registry (stable across renames of this class). */
    public static final String LISTENER_ID = "inventory.resolve-alerts-of-removed-variants";

    private static final Logger log = LoggerFactory.getLogger(RemovedVariants.class);

    private final AlertStore alerts;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    RemovedVariants(AlertStore alerts, TenantContext tenantContext, PlatformTransactionManager txManager, Clock clock) {
        this.alerts = alerts;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @ApplicationModuleListener(id = LISTENER_ID, condition = "!#event.removedVariantIds().isEmpty()",
            propagation = Propagation.NOT_SUPPORTED)
    void on(ProductChanged event) {
        Integer resolved = tenantContext.callAs(event.tenantId(), () -> tx.execute(status ->
                alerts.resolveAllOf(event.tenantId(), event.removedVariantIds(), clock.instant())));
        if (resolved != null && resolved > 0) {
            log.info("Resolved {} stock alerts of {} variants removed from the catalog", resolved,
                    event.removedVariantIds().size());
        }
    }
}
