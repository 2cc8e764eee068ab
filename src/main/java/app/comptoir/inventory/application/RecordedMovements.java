package app.comptoir.inventory.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.Movement;
import app.comptoir.inventory.domain.MovementFilter;
import app.comptoir.inventory.persistence.MovementStore;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/**
 * The movement journal of the current tenant, as inventory's own screens and API read it: movements
 * labelled with their variant's SKU and name. No other module reads the journal.
 */
@Service
@Transactional(readOnly = true)
public class RecordedMovements {

    private final MovementStore ledger;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;

    RecordedMovements(MovementStore ledger, TenantContext tenantContext, CatalogQueries catalog) {
        this.ledger = ledger;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
    }

    /** The journal of movements, newest first. */
    public PageResponse<Movement> page(MovementFilter filter, int page, int size) {
        PageRequests.of(page, size, Sort.unsorted());
        PageResponse<Movement> rows = ledger.page(tenantContext.requireTenant(), filter, page, size);
        return new PageResponse<>(labelled(rows.items()), rows.total(), page, size);
    }

    /** One movement of the ledger. */
    public Optional<Movement> find(UUID id) {
        return labelled(ledger.find(tenantContext.requireTenant(), id).stream().toList()).stream().findFirst();
    }

    private List<Movement> labelled(List<Movement> rows) {
        Map<UUID, VariantSummary> variants = catalog.variants(rows.stream().map(Movement::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        return rows.stream().map(m -> {
            VariantSummary v = variants.get(m.variantId());
            return v == null ? m : new Movement(m.id(), m.variantId(), v.sku(), v.label(), m.type(), m.quantity(),
                    m.change(), m.locationId(), m.toLocationId(), m.balanceAfter(), m.reason(), m.reference(),
                    m.actorId(), m.occurredAt());
        }).toList();
    }
}
