package app.comptoir.inventory.application;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.catalog.OpeningStock;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.StockMovements;

/**
 * The opening stock of a product created with it: one entry ({@link MovementType#RECEIPT}) per variant at the
 * default location, through the ledger like any other movement, so the level, its alerts and the journal
 * agree. It joins the catalog's transaction: a product whose opening stock is refused is not created.
 */
@Component
class OpeningStocks implements OpeningStock {

    /** The reason the journal shows for these entries. */
    static final String REASON = "Stock initial";

    private final StockMovements movements;

    OpeningStocks(StockMovements movements) {
        this.movements = movements;
    }

    @Override
    public void receive(Map<UUID, Integer> quantitiesByVariant) {
        quantitiesByVariant.forEach((variantId, quantity) -> movements.record(new MovementRequest(null, variantId,
                MovementType.RECEIPT, quantity, null, null, REASON, null)));
    }
}
