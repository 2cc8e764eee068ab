package app.comptoir.channels.application;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.comptoir.inventory.VariantSoldOut;
import app.comptoir.platform.TenantContext;

/**
 * Sold elsewhere, withdrawn here: when the last available unit of a variant leaves in Comptoir (an order confirmed
 * in the back office or the shop reserves it, or any movement takes it: inventory publishes {@link VariantSoldOut}),
 * the variant's live listings get a withdraw job. Runs after the change's commit, under its business. Inventory
 * publishes only on the way to zero, so an order of well-stocked goods costs this module nothing.
 */
@Component
class SoldInComptoir {

    private final Listings listings;
    private final TenantContext tenantContext;

    SoldInComptoir(Listings listings, TenantContext tenantContext) {
        this.listings = listings;
        this.tenantContext = tenantContext;
    }

    /** Without a transaction of its own: the withdrawal's starts under the business, as row-level security needs. */
    @ApplicationModuleListener(id = "channels-variant-sold-out", propagation = Propagation.NOT_SUPPORTED)
    void on(VariantSoldOut event) {
        tenantContext.runAs(event.tenantId(), () -> listings.withdrawSoldOut(List.of(event.variantId())));
    }
}
