package app.comptoir.sales.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.PageResponse;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.QuoteRequest;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.application.Quotes;
import app.comptoir.sales.domain.QuoteStatus;
import app.comptoir.sales.persistence.QuoteSummary;

/** Quotes (devis) and their conversion into orders. */
@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Sales: quotes")
@PreAuthorize("@rolePermissions.has('READ')")
class QuoteController {

    private final Quotes quotes;

    QuoteController(Quotes quotes) {
        this.quotes = quotes;
    }

    record StatusBody(QuoteStatus status) {
    }

    record ConvertBody(UUID deliveryAddressId) {
    }

    @GetMapping
    @Operation(summary = "Quotes, newest first; filters: status, customerId, q (number or customer name)")
    PageResponse<QuoteSummary> list(@RequestParam(required = false) QuoteStatus status,
                                    @RequestParam(required = false) UUID customerId,
                                    @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        return quotes.list(status, customerId, q, page, size);
    }

    @PostMapping
    @Operation(summary = "Create a draft quote",
            description = "{customerId? | customer:{name, phone}, validUntil? (default today + 30 days), "
                    + "lines:[{variantId, quantity, unitPrice? (catalog price, excl. VAT), discount? (percent)}], "
                    + "deliveryFee? (excl. VAT), notes?}. Numbered DEV-<year>-000001 per business.")
    ResponseEntity<QuoteView> create(@RequestBody QuoteRequest body) {
        QuoteView view = quotes.create(body);
        return ResponseEntity.created(URI.create("/api/v1/quotes/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A quote with its lines and totals (VAT per rate)")
    QuoteView get(@PathVariable UUID id) {
        return quotes.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a draft quote (null fields unchanged; lines, when given, replace all lines)")
    QuoteView update(@PathVariable UUID id, @RequestBody QuoteRequest body) {
        return quotes.update(id, body);
    }

    @PatchMapping("/{id}/status")
    @Operation(summary = "Move a quote: DRAFT → SENT → ACCEPTED | REJECTED | EXPIRED (409 illegal-transition otherwise)")
    QuoteView status(@PathVariable UUID id, @RequestBody StatusBody body) {
        return quotes.changeStatus(id, body.status());
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert a quote into a draft order (lines copied, quote ACCEPTED and linked); once only")
    ResponseEntity<OrderView> convert(@PathVariable UUID id, @RequestBody(required = false) ConvertBody body) {
        OrderView order = quotes.convert(id, body == null ? null : body.deliveryAddressId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
    }
}
