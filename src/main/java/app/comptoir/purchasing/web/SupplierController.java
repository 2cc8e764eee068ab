package app.comptoir.purchasing.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.PageResponse;
import app.comptoir.purchasing.application.SuppliedVariant;
import app.comptoir.purchasing.application.SupplierRequest;
import app.comptoir.purchasing.application.SupplierVariantRequest;
import app.comptoir.purchasing.application.Suppliers;
import app.comptoir.purchasing.persistence.SupplierView;

/** The business's suppliers and the variants each supplies. Every role may read; buyers (PURCHASES_WRITE) change. */
@RestController
@RequestMapping("/api/v1/suppliers")
@Tag(name = "Purchasing: suppliers")
@PreAuthorize("@rolePermissions.has('READ')")
class SupplierController {

    private final Suppliers suppliers;

    SupplierController(Suppliers suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping
    @Operation(summary = "Suppliers, favourites first then by name (paginated)",
            description = "Filters: q (name, contact, city, phone or e-mail), favourite=true for favourites only.")
    PageResponse<SupplierView> list(@RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "false") boolean favourite,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        return suppliers.list(q, favourite, page, size);
    }

    @PostMapping
    @Operation(summary = "Create a supplier",
            description = "{name (required, ≤ 160), contactName?, phone?, email?, address?, city?, notes?, favourite?}")
    ResponseEntity<SupplierView> create(@RequestBody SupplierRequest body) {
        SupplierView view = suppliers.create(body);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A supplier")
    SupplierView get(@PathVariable UUID id) {
        return suppliers.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a supplier (every field replaced; favourite null keeps it; version? checked)")
    SupplierView update(@PathVariable UUID id, @RequestBody SupplierRequest body) {
        return suppliers.update(id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a supplier (kept, marked deleted: its purchase orders still name it)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        suppliers.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/variants")
    @Operation(summary = "The variants the supplier supplies, with its terms")
    List<SuppliedVariant> variants(@PathVariable UUID id) {
        return suppliers.variants(id);
    }

    @PostMapping("/{id}/variants")
    @Operation(summary = "Add a variant the supplier supplies",
            description = "{variantId, cost, packSize? (1), minQuantity? (1), leadTimeDays? (0-365), supplierSku?, "
                    + "preferred? (one preferred supplier per variant: setting it unsets the previous one)}")
    ResponseEntity<SuppliedVariant> addVariant(@PathVariable UUID id, @RequestBody SupplierVariantRequest body) {
        SuppliedVariant view = suppliers.addVariant(id, body);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + id + "/variants/" + view.id())).body(view);
    }

    @PutMapping("/{id}/variants/{supplierVariantId}")
    @Operation(summary = "Change the supplier's terms for a variant")
    SuppliedVariant updateVariant(@PathVariable UUID id, @PathVariable UUID supplierVariantId,
                                  @RequestBody SupplierVariantRequest body) {
        return suppliers.updateVariant(id, supplierVariantId, body);
    }

    @DeleteMapping("/{id}/variants/{supplierVariantId}")
    @Operation(summary = "Stop buying the variant from this supplier")
    ResponseEntity<Void> removeVariant(@PathVariable UUID id, @PathVariable UUID supplierVariantId) {
        suppliers.removeVariant(id, supplierVariantId);
        return ResponseEntity.noContent().build();
    }
}
