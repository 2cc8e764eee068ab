package app.comptoir.purchasing.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

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

    /** Which suggestions to order: of one variant ({@code variant}) or all; quantities replacing the suggested ones. */
    record PlaceBody(UUID variant, Map<UUID, Integer> quantities) {
    }

    @PostMapping("/api/v1/purchasing/reorder-suggestions/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create one draft purchase order per preferred supplier from the suggestions",
            description = "{variant?: only this variant, quantities?: {variantId: quantity} (0 leaves it out)}. "
                    + "Unit costs are the supplier's; expected after the longest lead time. link: the draft's page "
                    + "(one order) or the list of drafts. 400 when nothing is to be ordered from a preferred supplier.")
    ReorderOrders.PlacedOrders place(@RequestBody(required = false) PlaceBody body) {
        return reorder.place(body == null ? null : body.variant(), body == null ? null : body.quantities());
    }
}
