package app.comptoir.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;

/** Variants found by SKU or barcode (the till, the scanner, the import of an order). */
@RestController
@RequestMapping("/api/v1/variants")
@Tag(name = "Catalog")
class VariantController {

    private final CatalogQueries queries;

    VariantController(CatalogQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Variants whose SKU starts with sku (any case), by SKU")
    PageResponse<VariantSummary> list(@RequestParam(required = false) String sku,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        return queries.variants(sku, page, size);
    }

    @GetMapping("/by-sku/{*sku}")
    @Operation(summary = "The variant with exactly this SKU (any case)")
    VariantSummary bySku(@PathVariable String sku) {
        String clean = sku.startsWith("/") ? sku.substring(1) : sku;
        return queries.variantBySku(clean).orElseThrow(() -> new NotFoundException("Variant with SKU", clean));
    }

    @GetMapping("/by-barcode/{code}")
    @Operation(summary = "The variant with this barcode (EAN-13, UPC-A, EAN-8)")
    VariantSummary byBarcode(@PathVariable String code) {
        return queries.variantByBarcode(code).orElseThrow(() -> new NotFoundException("Variant with barcode", code));
    }
}
