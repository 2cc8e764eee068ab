package app.comptoir.channels.application;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderItem;

/**
 * Sold elsewhere, withdrawn here: when an order confirmed in Comptoir reserves the last available unit of a variant
 * (its available stock over every location reaches 0, as inventory counts it), the variant's live listings get a
 * withdraw job. Runs after the order's commit, under its business.
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
    @ApplicationModuleListener(id = "channels-sold-in-comptoir", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderConfirmed event) {
        List<java.util.UUID> variants = event.items().stream().map(OrderItem::variantId).distinct().toList();
        tenantContext.runAs(event.tenantId(), () -> listings.withdrawSoldOut(variants));
    }
}
