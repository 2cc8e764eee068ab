package app.comptoir.inventory.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.Movement;
import app.comptoir.inventory.MovementRequest;
import app.comptoir.inventory.MovementType;
import app.comptoir.inventory.Reservation;
import app.comptoir.inventory.ReservationLine;
import app.comptoir.inventory.Reservations;
import app.comptoir.inventory.StockFilter;
import app.comptoir.inventory.StockLevelView;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.StockMovements;
import app.comptoir.inventory.StockQueries;
import app.comptoir.inventory.StockStatus;
import app.comptoir.inventory.application.CountRequest;
import app.comptoir.inventory.application.CountResult;
import app.comptoir.inventory.application.MovementExports;
import app.comptoir.inventory.application.RecordedMovements;
import app.comptoir.inventory.application.StockCounts;
import app.comptoir.inventory.application.StockThresholds;
import app.comptoir.inventory.application.VariantStock;
import app.comptoir.inventory.application.VariantStocks;
import app.comptoir.inventory.domain.MovementFilter;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.platform.Exports;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.IdempotencyKeys;

/** Stock levels, the movement ledger, counts, locations and reservations. */
@RestController
@RequestMapping("/api/v1/stocks")
@Tag(name = "Inventory")
class StockController {

    private static final int EXPORT_PAGE = 200;
    private static final Exports.Table LEVELS = Exports.Table.of("stock", "inventory.export.", "sku", "name",
            "location", "on_hand", "reserved", "available", "alert_level", "overstock_level", "reorder_point",
            "reorder_quantity", "status");

    private final StockQueries queries;
    private final StockMovements movements;
    private final StockCounts counts;
    private final RecordedMovements journal;
    private final VariantStocks variantStocks;
    private final StockThresholds thresholds;
    private final StockLocations locations;
    private final Reservations reservations;
    private final CatalogQueries catalog;
    private final IdempotencyKeys idempotencyKeys;
    private final Exports exports;
    private final MovementExports movementExports;
    private final Jobs jobs;

    StockController(StockQueries queries, StockMovements movements, StockCounts counts,
                    RecordedMovements journal, VariantStocks variantStocks, StockThresholds thresholds,
                    StockLocations locations, Reservations reservations, CatalogQueries catalog,
                    IdempotencyKeys idempotencyKeys, Exports exports, MovementExports movementExports, Jobs jobs) {
        this.movementExports = movementExports;
        this.jobs = jobs;
        this.queries = queries;
        this.movements = movements;
        this.counts = counts;
        this.journal = journal;
        this.variantStocks = variantStocks;
        this.thresholds = thresholds;
        this.locations = locations;
        this.reservations = reservations;
        this.catalog = catalog;
        this.idempotencyKeys = idempotencyKeys;
        this.exports = exports;
    }

    /** Entry or exit by variant id, SKU or barcode ({@code code}); {@code occurredAt}: when, if not now. */
    record QuickMovement(UUID id, UUID variantId, String code, Integer quantity, UUID locationId, String reason,
                         String reference, Instant occurredAt) {
    }

    /** A count by variant id, SKU or barcode; {@code occurredAt}: when it was counted, if not now. */
    record CountBody(UUID id, UUID variantId, String code, UUID locationId, Integer countedQuantity, String reason,
                     Instant occurredAt) {
    }

    record LocationBody(String name, Boolean allowNegative) {
    }

    record ReservationBody(UUID id, String reference, List<ReservationLine> lines) {
    }

    @GetMapping
    @Operation(summary = "Stock levels, one per variant and location, most recently changed first",
            description = "Filters: locationId, status (OK, LOW, OUT, OVERSTOCK), categoryId and q (name, SKU or "
                    + "barcode; text and category look at the first 200 matching products).")
    PageResponse<StockLevelView> levels(@RequestParam(required = false) UUID locationId,
                                        @RequestParam(required = false) StockStatus status,
                                        @RequestParam(required = false) UUID categoryId,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        return queries.levels(new StockFilter(locationId, status, categoryId, q), page, size);
    }

    @GetMapping("/{variantId}")
    @Operation(summary = "A variant's stock: totals, thresholds, status and the level at each location")
    VariantStock variant(@PathVariable UUID variantId) {
        return variantStocks.of(variantId);
    }

    @PutMapping("/{variantId}")
    @Operation(summary = "Set a variant's thresholds (null clears one)")
    VariantStock setThresholds(@PathVariable UUID variantId, @RequestBody Thresholds body) {
        thresholds.set(variantId, body);
        return variantStocks.of(variantId);
    }

    @GetMapping("/movements")
    @Operation(summary = "The movement journal, newest first; filters: type, variantId, locationId, from, to")
    PageResponse<Movement> journal(@RequestParam(required = false) MovementType type,
                                   @RequestParam(required = false) UUID variantId,
                                   @RequestParam(required = false) UUID locationId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return journal.page(new MovementFilter(type, variantId, locationId, from, to), page, size);
    }

    @GetMapping("/{variantId}/movements")
    @Operation(summary = "A variant's movement history, newest first")
    PageResponse<Movement> history(@PathVariable UUID variantId, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return journal.page(new MovementFilter(null, variantId, null, null, null), page, size);
    }

    @PostMapping("/movements")
    @Operation(summary = "Record a movement (RECEIPT, ISSUE, ADJUSTMENT, SALE, RETURN, TRANSFER)",
            description = "quantity is positive and the type gives the direction (ADJUSTMENT: signed). The optional "
                    + "id (or an Idempotency-Key header) makes a retry record the movement once: the same request "
                    + "again answers the first movement (200, Idempotent-Replayed: true), another request 422 "
                    + "idempotency-key-reused. 409 insufficient-stock when it would take more than is available. "
                    + "occurredAt: when it happened, for work recorded offline and sent later (default now; 400 when "
                    + "in the future or more than 30 days ago); the journal shows that time.")
    ResponseEntity<Movement> record(@RequestBody MovementRequest body,
                                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                    HttpServletRequest http) {
        UUID id = idFor(body.id(), idempotencyKey);
        return recorded(movements.record(id == body.id() ? body : new MovementRequest(id, body.variantId(), body.type(),
                body.quantity(), body.locationId(), body.toLocationId(), body.reason(), body.reference(),
                body.occurredAt()),
                idempotencyKeys.requestHash(http, body)));
    }

    @PostMapping("/entry")
    @Operation(summary = "Goods in (RECEIPT) by variantId or code (SKU or barcode)")
    ResponseEntity<Movement> entry(@RequestBody QuickMovement body,
                                   @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                   HttpServletRequest http) {
        return quick(body, MovementType.RECEIPT, idempotencyKey, http);
    }

    @PostMapping("/exit")
    @Operation(summary = "Goods out (ISSUE) by variantId or code (SKU or barcode)")
    ResponseEntity<Movement> exit(@RequestBody QuickMovement body,
                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                  HttpServletRequest http) {
        return quick(body, MovementType.ISSUE, idempotencyKey, http);
    }

    @PostMapping("/count")
    @Operation(summary = "Physical count: records the ADJUSTMENT that brings on hand to countedQuantity",
            description = "With an id, sent again it is found and changes nothing (recorded even when it finds the "
                    + "expected quantity). occurredAt: when it was counted (offline); what moved there since is "
                    + "added to the counted quantity.")
    CountResult count(@RequestBody CountBody body) {
        UUID variantId = variantId(body.variantId(), body.code());
        return counts.count(new CountRequest(body.id(), variantId, body.locationId(), body.countedQuantity(),
                body.reason(), body.occurredAt()));
    }

    @GetMapping({"/export.csv", "/export.xlsx"})
    @Operation(summary = "Every stock level as CSV or Excel (.xlsx)",
            description = "lang=fr or en writes the file for people (translated columns and statuses; in French, "
                    + "semicolons and decimal commas); without it the CSV keeps its machine columns.")
    ResponseEntity<byte[]> exportLevels(@RequestParam(required = false) String lang, HttpServletRequest request) {
        return exports.download(Exports.Format.of(request), LEVELS, Exports.language(lang), rows ->
                eachPage(p -> queries.levels(StockFilter.none(), p, EXPORT_PAGE), l -> rows.row(l.sku(), l.label(),
                        l.locationName(), l.onHand(), l.reserved(), l.available(), l.alertLevel(), l.overstockLevel(),
                        l.reorderPoint(), l.reorderQuantity(), Exports.code("inventory.status.", l.status()))));
    }

    @GetMapping({"/movements/export.csv", "/movements/export.xlsx"})
    @Operation(summary = "The movement journal as CSV or Excel (.xlsx), same filters as the journal",
            description = "lang=fr or en writes the file for people (translated columns and movement types).")
    ResponseEntity<byte[]> exportMovements(@RequestParam(required = false) MovementType type,
                                           @RequestParam(required = false) UUID variantId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                           @RequestParam(required = false) String lang, HttpServletRequest request) {
        MovementFilter filter = new MovementFilter(type, variantId, null, from, to);
        return exports.download(Exports.Format.of(request), movementExports.table(), Exports.language(lang),
                rows -> movementExports.rows(filter, rows, JobProgress.NONE));
    }

    @PostMapping("/movements/export-jobs")
    @Operation(summary = "The movement journal as CSV or Excel made in the background: 202 with the job; its file "
            + "at /api/v1/jobs/{id}/file", description = "format=csv (default) or xlsx; the filters and lang of "
            + "GET /movements/export.csv. Poll GET /api/v1/jobs/{id} (Location) for its progress in movements.")
    ResponseEntity<JobView> exportMovementsJob(@RequestParam(required = false) String format,
                                               @RequestParam(required = false) MovementType type,
                                               @RequestParam(required = false) UUID variantId,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                               @RequestParam(required = false) String lang) {
        UUID id = movementExports.start(new MovementFilter(type, variantId, null, from, to), Exports.Format.named(format),
                Exports.language(lang));
        return ResponseEntity.accepted().location(java.net.URI.create("/api/v1/jobs/" + id)).body(jobs.get(id));
    }

    @GetMapping("/locations")
    @Operation(summary = "Stock locations, default first")
    List<StockLocation> locations() {
        return locations.all();
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a stock location (allowNegative lets its stock go below zero)")
    StockLocation addLocation(@RequestBody LocationBody body) {
        return locations.create(body.name(), Boolean.TRUE.equals(body.allowNegative()));
    }

    @PostMapping("/reservations")
    @Operation(summary = "Reserve lines all or nothing (409 insufficient-stock naming the short lines)",
            description = "The optional id makes a retry reserve once: the same request again answers the first "
                    + "reservation (200, Idempotent-Replayed: true), another request 422 idempotency-key-reused. "
                    + "A variant that is not the business's is a field error on lines[i].variantId.")
    ResponseEntity<Reservation> reserve(@RequestBody ReservationBody body, HttpServletRequest http) {
        Reservations.Reserved reserved = reservations.reserve(body.id(), body.reference(), body.lines(),
                idempotencyKeys.requestHash(http, body));
        return IdempotencyKeys.answer(reserved.reservation(), reserved.replayed(), null);
    }

    @GetMapping("/reservations/{id}")
    @Operation(summary = "A reservation with its lines")
    Reservation reservation(@PathVariable UUID id) {
        return reservations.find(id).orElseThrow(() -> new NotFoundException("Reservation", id.toString()));
    }

    @PostMapping("/reservations/{id}/release")
    @Operation(summary = "Give reserved stock back")
    Reservation release(@PathVariable UUID id) {
        return reservations.release(id);
    }

    @PostMapping("/reservations/{id}/commit")
    @Operation(summary = "Turn reserved stock into SALE movements")
    Reservation commit(@PathVariable UUID id) {
        return reservations.commit(id);
    }

    private ResponseEntity<Movement> quick(QuickMovement body, MovementType type, String idempotencyKey,
                                           HttpServletRequest http) {
        UUID id = idFor(body.id(), idempotencyKey);
        return recorded(movements.record(new MovementRequest(id, variantId(body.variantId(), body.code()), type,
                body.quantity(), body.locationId(), null, body.reason(), body.reference(), body.occurredAt()),
                idempotencyKeys.requestHash(http, body)));
    }

    private static ResponseEntity<Movement> recorded(StockMovements.Recorded recorded) {
        return IdempotencyKeys.answer(recorded.movement(), recorded.replayed(), null);
    }

    private UUID variantId(UUID variantId, String code) {
        if (variantId != null) {
            return variantId;
        }
        if (code == null || code.isBlank()) {
            throw InvalidInputException.field("code", "give a variantId, a SKU or a barcode");
        }
        String clean = code.strip();
        return catalog.variantByBarcode(clean).or(() -> catalog.variantBySku(clean)).map(VariantSummary::id)
                .orElseThrow(() -> new NotFoundException("Variant with SKU or barcode", clean));
    }

    /** The movement's id: the one sent, else the one of its Idempotency-Key (the same on every retry), else none. */
    private UUID idFor(UUID sent, String idempotencyKey) {
        return sent != null ? sent : idempotencyKeys.key(idempotencyKey).map(idempotencyKeys::idFor).orElse(null);
    }

    private static <T> void eachPage(Function<Integer, PageResponse<T>> pages, java.util.function.Consumer<T> each) {
        for (int page = 0; ; page++) {
            PageResponse<T> p = pages.apply(page);
            p.items().forEach(each);
            if ((long) (page + 1) * EXPORT_PAGE >= p.total()) {
                return;
            }
        }
    }

}
