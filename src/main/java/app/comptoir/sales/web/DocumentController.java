package app.comptoir.sales.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.sales.application.CreditNoteRequest;
import app.comptoir.sales.application.Invoices;
import app.comptoir.sales.application.SalesDocuments;
import app.comptoir.sales.persistence.InvoiceSummary;

/**
 * Sales documents: invoices and credit notes (issued, never changed), and every document as PDF. Invoices and
 * credit notes are PDF/A-3 with their Factur-X (EN 16931) XML attached as {@code factur-x.xml}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sales: documents")
class DocumentController {

    private final Invoices invoices;
    private final IdempotencyKeys idempotencyKeys;
    private final SalesDocuments documents;

    DocumentController(Invoices invoices, SalesDocuments documents, IdempotencyKeys idempotencyKeys) {
        this.invoices = invoices;
        this.idempotencyKeys = idempotencyKeys;
        this.documents = documents;
    }

    @PostMapping("/orders/{id}/invoice")
    @Operation(summary = "Invoice a confirmed order now (idempotent: returns its invoice if it has one); orders are "
            + "also invoiced automatically when delivered. 409 for a draft or cancelled order")
    ResponseEntity<InvoiceSummary> issue(@PathVariable UUID id) {
        InvoiceSummary invoice = invoices.issue(id);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id() + "/pdf")).body(invoice);
    }

    @PostMapping("/invoices/{id}/credit-notes")
    @Operation(summary = "Issue a credit note for an invoice without a return (a commercial gesture, a price error): "
            + "a reason, and quantities of the invoice's lines (numbered from 1) and/or amounts excluding VAT per VAT "
            + "rate of the invoice. 400 (every field at once) when it credits more than remains at a rate. With an "
            + "Idempotency-Key header, a retry of the same request returns the credit note issued the first time "
            + "(200, Idempotent-Replayed: true) instead of issuing another (201); the key with another credit note "
            + "is refused (422 idempotency-key-reused)")
    ResponseEntity<InvoiceSummary> creditNote(@PathVariable UUID id, @RequestBody CreditNoteRequest request,
                                              @Parameter(description = "Makes retries safe: at most 100 characters")
                                              @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                                              String idempotencyKey) {
        UUID requestedId = idempotencyKeys.key(idempotencyKey).map(idempotencyKeys::idFor).orElse(null);
        Invoices.Issued issued = invoices.creditNote(id, request, requestedId);
        InvoiceSummary credit = issued.creditNote();
        return IdempotencyKeys.answer(credit, issued.replayed(),
                URI.create("/api/v1/invoices/" + credit.id() + "/pdf"));
    }

    @GetMapping("/orders/{id}/invoices")
    @Operation(summary = "The order's invoice and credit notes, oldest first")
    List<InvoiceSummary> ofOrder(@PathVariable UUID id) {
        return invoices.ofOrder(id);
    }

    @GetMapping("/customers/{id}/invoices")
    @Operation(summary = "The customer's invoices and credit notes, newest first (at most 100)")
    List<InvoiceSummary> ofCustomer(@PathVariable UUID id) {
        return invoices.ofCustomer(id);
    }

    @GetMapping("/orders/{id}/invoice.pdf")
    @Operation(summary = "The order's invoice as PDF/A-3 with its Factur-X XML (404 until issued)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> invoicePdf(@PathVariable UUID id) {
        return pdf(documents.invoiceOfOrder(id));
    }

    @GetMapping("/orders/{id}/delivery-note.pdf")
    @Operation(summary = "The order's delivery note as PDF: items, address, signature",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> deliveryNotePdf(@PathVariable UUID id) {
        return pdf(documents.deliveryNote(id));
    }

    @GetMapping("/quotes/{id}/quote.pdf")
    @Operation(summary = "The quote as PDF, with the seller's identity, terms and \"Bon pour accord\"",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> quotePdf(@PathVariable UUID id) {
        return pdf(documents.quote(id));
    }

    @GetMapping("/invoices/{id}/pdf")
    @Operation(summary = "An invoice or credit note as PDF/A-3 with its Factur-X XML",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf",
                    schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> documentPdf(@PathVariable UUID id) {
        return pdf(documents.invoice(id));
    }

    /** A PDF the browser offers to save under the document's number. */
    static ResponseEntity<byte[]> pdf(SalesDocuments.Pdf pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(pdf.fileName())
                        .build().toString())
                .body(pdf.bytes());
    }
}
