package app.comptoir.purchasing.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.comptoir.platform.PageResponse;
import app.comptoir.purchasing.application.ReceivedOrders;
import app.comptoir.purchasing.application.SupplierCatalog;
import app.comptoir.purchasing.persistence.SupplierOrderReads;
import app.comptoir.purchasing.application.SupplierCatalog.CatalogItem;
import app.comptoir.purchasing.application.SupplierCatalog.ItemInput;
import app.comptoir.purchasing.application.SupplierProfiles;
import app.comptoir.purchasing.application.SupplierProfiles.Dashboard;
import app.comptoir.purchasing.application.SupplierProfiles.ProfileChange;
import app.comptoir.purchasing.application.SupplierProfiles.ProfileView;

/** The registered supplier's space: its dashboard, its commercial profile and its marketplace catalog. */
@RestController
@Tag(name = "Purchasing: supplier space")
class SupplierSpaceController {

    private final SupplierProfiles profiles;
    private final SupplierCatalog catalog;
    private final ReceivedOrders received;

    SupplierSpaceController(SupplierProfiles profiles, SupplierCatalog catalog, ReceivedOrders received) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.received = received;
    }

    record RefusalRequest(String reason) {
    }

    @GetMapping("/api/v1/supplier/orders")
    @Operation(summary = "The orders received from shopkeepers, newest first (status, buyer name filters)")
    PageResponse<SupplierOrderReads.Summary> orders(@RequestParam(required = false) String status,
                                                    @RequestParam(required = false) String buyer,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        return received.list(status, buyer, page, size);
    }

    @GetMapping("/api/v1/supplier/orders/{id}")
    @Operation(summary = "A received order with its lines and timeline")
    SupplierOrderReads.Detail order(@PathVariable UUID id) {
        return received.find(id);
    }

    @PostMapping("/api/v1/supplier/orders/{id}/accept")
    @Operation(summary = "Accept a sent order (SENT to CONFIRMED)")
    SupplierOrderReads.Detail accept(@PathVariable UUID id) {
        return received.accept(id);
    }

    @PostMapping("/api/v1/supplier/orders/{id}/refuse")
    @Operation(summary = "Refuse a sent order with a reason (to CANCELLED)")
    SupplierOrderReads.Detail refuse(@PathVariable UUID id, @RequestBody(required = false) RefusalRequest body) {
        return received.refuse(id, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/supplier/orders/{id}/ship")
    @Operation(summary = "Mark a confirmed order shipped")
    SupplierOrderReads.Detail ship(@PathVariable UUID id) {
        return received.ship(id);
    }

    @PostMapping("/api/v1/supplier/orders/{id}/deliver")
    @Operation(summary = "Mark a shipped order delivered")
    SupplierOrderReads.Detail deliver(@PathVariable UUID id) {
        return received.deliver(id);
    }

    @GetMapping("/api/v1/supplier/dashboard")
    @Operation(summary = "The supplier's figures: catalog size, received orders by status, delivered this month, rating",
            description = "Only for a registered supplier's business (409 not-a-supplier otherwise).")
    Dashboard dashboard() {
        return profiles.dashboard();
    }

    @GetMapping("/api/v1/supplier/profile")
    @Operation(summary = "The supplier's commercial profile (verified is set by the platform only)")
    ProfileView profile() {
        return profiles.current();
    }

    @PutMapping("/api/v1/supplier/profile")
    @Operation(summary = "Change the commercial profile (every field; verified cannot be set)")
    ProfileView changeProfile(@RequestBody ProfileChange body) {
        return profiles.change(body);
    }

    @GetMapping("/api/v1/supplier/products")
    @Operation(summary = "The supplier's catalog, by name, searched on name and category (q)")
    PageResponse<CatalogItem> products(@RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        return catalog.page(q, page, size);
    }

    @PostMapping("/api/v1/supplier/products")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an item to the catalog (name and price required; minQuantity 1, available true by default)")
    CatalogItem add(@RequestBody ItemInput body) {
        return catalog.add(body);
    }

    @GetMapping("/api/v1/supplier/products/{id}")
    @Operation(summary = "One item of the catalog")
    CatalogItem product(@PathVariable UUID id) {
        return catalog.find(id);
    }

    @PutMapping("/api/v1/supplier/products/{id}")
    @Operation(summary = "Change an item (another business's item is not found)")
    CatalogItem change(@PathVariable UUID id, @RequestBody ItemInput body) {
        return catalog.change(id, body);
    }

    @DeleteMapping("/api/v1/supplier/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an item from the catalog (past orders keep it)")
    void remove(@PathVariable UUID id) {
        catalog.remove(id);
    }
}
