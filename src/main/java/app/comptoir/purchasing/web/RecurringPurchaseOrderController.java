package app.comptoir.purchasing.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.purchasing.application.RecurringPurchaseOrders;
import app.comptoir.purchasing.application.RecurringPurchaseOrders.RecurringRequest;
import app.comptoir.purchasing.application.RecurringPurchaseOrders.RecurringView;

/** Recurring purchase orders: templates from which a draft is made on schedule. */
@RestController
@RequestMapping("/api/v1/purchasing/recurring-orders")
class RecurringPurchaseOrderController {

    private final RecurringPurchaseOrders recurring;

    RecurringPurchaseOrderController(RecurringPurchaseOrders recurring) {
        this.recurring = recurring;
    }

    @GetMapping
    @Operation(summary = "The recurring purchase orders, by name")
    List<RecurringView> list() {
        return recurring.list();
    }

    @PostMapping
    @Operation(summary = "Create a recurring purchase order",
            description = "{supplierId, name, everyWeeks (1-52, default 1), dayOfWeek (1 = Monday … 7 = Sunday), "
                    + "startOn?, active?, lines:[{variantId, quantity, unitCost? (default: the supplier's cost)}]}. "
                    + "A DRAFT is made on the weekday (first on or after startOn or today), then every everyWeeks.")
    ResponseEntity<RecurringView> create(@RequestBody RecurringRequest body) {
        RecurringView view = recurring.create(body);
        return ResponseEntity.created(URI.create("/api/v1/purchasing/recurring-orders/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A recurring purchase order with its lines and next run")
    RecurringView get(@PathVariable UUID id) {
        return recurring.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a recurring purchase order (same body as the creation; version? checked)")
    RecurringView update(@PathVariable UUID id, @RequestBody RecurringRequest body) {
        return recurring.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a recurring purchase order (no more drafts; those made stay)")
    void delete(@PathVariable UUID id) {
        recurring.delete(id);
    }
}
