package app.comptoir.purchasing.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.purchasing.application.ReorderOrders;
import app.comptoir.purchasing.application.ReorderPlan;

/** Reordering from suppliers: suggestions per preferred supplier, turned into draft orders. */
@RestController
class ReorderController {

    private final ReorderOrders reorder;

    ReorderController(ReorderOrders reorder) {
        this.reorder = reorder;
    }

    @GetMapping("/api/v1/purchasing/reorder-suggestions")
    @Operation(summary = "What to reorder, per preferred supplier",
            description = "Inventory's suggestion (30-day velocity, lead time, reorder quantity) minus what is on "
                    + "order (SENT, CONFIRMED, SHIPPED orders: ordered minus received), rounded up to the preferred "
                    + "supplier's minimum quantity and pack size. Variants without a preferred supplier are listed "
                    + "in withoutSupplier. variant: only this variant.")
    ReorderPlan suggestions(@RequestParam(required = false) UUID variant) {
        return reorder.plan(variant);
    }
}
