package app.comptoir.purchasing.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.comptoir.platform.PageResponse;
import app.comptoir.purchasing.application.Marketplace;
import app.comptoir.purchasing.application.MarketplaceOrders;
import app.comptoir.purchasing.application.PurchaseOrderView;
import app.comptoir.purchasing.persistence.MarketplaceReads.ProductHit;
import app.comptoir.purchasing.persistence.MarketplaceReads.SupplierHit;

/** The marketplace: registered suppliers and their catalogs, for shopkeepers to find and order from. */
@RestController
@Tag(name = "Purchasing: marketplace")
class MarketplaceController {

    private final Marketplace marketplace;
    private final MarketplaceOrders orders;

    MarketplaceController(Marketplace marketplace, MarketplaceOrders orders) {
        this.marketplace = marketplace;
        this.orders = orders;
    }

    @PostMapping("/api/v1/marketplace/suppliers/{id}/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Order from a registered supplier: creates a connected draft purchase order (send it next)",
            description = "Each quantity at least the item's minimum (400); below the supplier's minimum order amount: "
                    + "409 below-minimum-order. variantId (optional): the buyer's own variant, to receive into stock.")
    PurchaseOrderView order(@PathVariable UUID id, @RequestBody MarketplaceOrders.MarketplaceOrder body) {
        return orders.order(id, body);
    }

    @GetMapping("/api/v1/marketplace/suppliers")
    @Operation(summary = "Search registered suppliers by text (company, description), category and city or delivery zone")
    PageResponse<SupplierHit> suppliers(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) String category,
                                        @RequestParam(required = false) String city,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        return marketplace.suppliers(q, category, city, page, size);
    }

    @GetMapping("/api/v1/marketplace/products")
    @Operation(summary = "Search available products across registered suppliers' catalogs (text, category, supplier)")
    PageResponse<ProductHit> products(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) String category,
                                      @RequestParam(required = false) UUID supplier,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        return marketplace.products(q, category, supplier, page, size);
    }

    @GetMapping("/api/v1/marketplace/suppliers/{id}")
    @Operation(summary = "A registered supplier's page: profile with rating, catalog (searched by q), newest reviews")
    Marketplace.SupplierPage supplier(@PathVariable UUID id, @RequestParam(required = false) String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        return marketplace.supplier(id, q, page, size);
    }
}
