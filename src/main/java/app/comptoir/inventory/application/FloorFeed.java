package app.comptoir.inventory.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantChange;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.domain.FloorCursor;
import app.comptoir.inventory.persistence.LevelReads;
import app.comptoir.inventory.persistence.LevelReads.LevelChange;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/**
 * The feed a shop-floor device reads to keep its copy of the catalog and the stock (see {@link FloorCursor}): a page
 * of variants or of levels, the locations, and the cursor to send back; {@code complete} says the copy is up to date
 * as of the pass's start, and the cursor then starts the next pass.
 */
@Service
// Not read-only: the locations are created on a business's first use.
@Transactional
public class FloorFeed {

    /** The most a page carries. */
    public static final int MAX_SIZE = 2000;

    private final CatalogQueries catalog;
    private final LevelReads levels;
    private final StockLocations locations;
    private final TenantContext tenantContext;
    private final Clock clock;

    FloorFeed(CatalogQueries catalog, LevelReads levels, StockLocations locations, TenantContext tenantContext,
              Clock clock) {
        this.catalog = catalog;
        this.levels = levels;
        this.locations = locations;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /** A level as the device keeps it. */
    public record Level(UUID variantId, UUID locationId, int onHand, int reserved) {
    }

    /** One page of the feed. */
    public record Page(List<VariantChange> variants, List<Level> levels, List<StockLocation> locations,
                       boolean full, boolean complete, String cursor) {
    }

    /** The page after {@code cursorText} (the first pass when blank), at most {@code size} rows. */
    public Page page(String cursorText, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.field("size", "must be between 1 and " + MAX_SIZE);
        }
        FloorCursor cursor = FloorCursor.decode(cursorText).startedAt(clock.instant());
        UUID tenant = tenantContext.requireTenant();
        List<VariantChange> variants = List.of();
        if (cursor.phase() == FloorCursor.Phase.VARIANTS) {
            variants = catalog.variantChanges(cursor.since(), cursor.afterVariant(), size + 1);
            if (variants.size() > size) {
                variants = variants.subList(0, size);
                return page(variants, List.of(), cursor, cursor.afterVariant(variants.getLast().id()));
            }
            cursor = cursor.afterLevel(null, null);
        }
        int room = Math.max(size - variants.size(), 1);
        List<LevelChange> changed = levels.changedSince(tenant, cursor.since(), cursor.afterVariant(),
                cursor.afterLocation(), room + 1);
        if (changed.size() > room) {
            changed = changed.subList(0, room);
            LevelChange last = changed.getLast();
            return page(variants, changed, cursor, cursor.afterLevel(last.variantId(), last.locationId()));
        }
        return page(variants, changed, cursor, null);
    }

    private Page page(List<VariantChange> variants, List<LevelChange> changed, FloorCursor cursor, FloorCursor next) {
        return new Page(List.copyOf(variants), changed.stream()
                .map(l -> new Level(l.variantId(), l.locationId(), l.onHand(), l.reserved())).toList(), locations.all(), cursor.since() == null,
                next == null, (next == null ? cursor.nextPass() : next).encode());
    }
}
