package app.comptoir.inventory.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import app.comptoir.catalog.VariantChange;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.application.FloorFeed;

/** The catalog and stock feed a shop-floor device reads to work without network (see docs/shop-floor.md). */
@RestController
@RequestMapping("/api/v1/stocks")
@Tag(name = "Inventory")
class FloorCatalogController {

    private final FloorFeed feed;

    FloorCatalogController(FloorFeed feed) {
        this.feed = feed;
    }

    /** A variant as the device keeps it; {@code thumbnail}: the address of its first picture's thumbnail, if any. */
    record FloorVariant(UUID id, UUID productId, String label, String productName, String sku, String barcode,
                        String unit, String thumbnail, boolean archived) {

        static FloorVariant of(VariantChange v) {
            return new FloorVariant(v.id(), v.productId(), v.label(), v.productName(), v.sku(), v.barcode(), v.unit(),
                    v.imageId() == null ? null
                            : "/app/catalog/products/" + v.productId() + "/images/" + v.imageId() + "?thumb=true",
                    v.archived());
        }
    }

    /** A level as the device keeps it. */
    record FloorLevel(UUID variantId, UUID locationId, int onHand, int reserved, int available) {

        static FloorLevel of(FloorFeed.Level l) {
            return new FloorLevel(l.variantId(), l.locationId(), l.onHand(), l.reserved(), l.onHand() - l.reserved());
        }
    }

    /** One page of the feed. */
    record FloorCatalogPage(List<FloorVariant> variants, List<FloorLevel> levels, List<StockLocation> locations,
                            boolean full, boolean complete, String cursor) {
    }

    @GetMapping("/floor-catalog")
    @Operation(summary = "The catalog and stock a shop-floor device keeps, read in pages and then incrementally",
            description = "Without cursor: every live variant (id, label, SKU, barcode, unit, thumbnail address) and "
                    + "every stock level, in pages of at most size rows (default 1000, at most 2000); send each page's "
                    + "cursor back for the next until complete is true, keep the last cursor, and send it later to "
                    + "read only what changed since (variants deleted, deactivated or archived meanwhile come back "
                    + "with archived true). full: this pass started from nothing. A cursor not given by this server "
                    + "is refused (400, field cursor).")
    ResponseEntity<FloorCatalogPage> page(@RequestParam(required = false) String cursor,
                                          @RequestParam(defaultValue = "1000") int size) {
        FloorFeed.Page page = feed.page(cursor, size);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new FloorCatalogPage(
                page.variants().stream().map(FloorVariant::of).toList(),
                page.levels().stream().map(FloorLevel::of).toList(), page.locations(), page.full(), page.complete(),
                page.cursor()));
    }
}
