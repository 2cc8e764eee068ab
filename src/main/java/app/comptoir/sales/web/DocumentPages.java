package app.comptoir.sales.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.PageController;
import app.comptoir.sales.application.Invoices;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.SalesDocuments;
import app.comptoir.sales.persistence.InvoiceSummary;

/** The document downloads of the order, quote and customer pages, and "Établir la facture" on an order. */
@PageController
@RequestMapping("/app/sales")
class DocumentPages {

    private final Invoices invoices;
    private final SalesDocuments documents;

    DocumentPages(Invoices invoices, SalesDocuments documents) {
        this.invoices = invoices;
        this.documents = documents;
    }

    @PostMapping("/orders/{id}/invoice")
    String issue(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            InvoiceSummary invoice = invoices.issue(id);
            redirect.addFlashAttribute("documentFlash", invoice.number());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("documentError", e.getMessage());
        }
        return "redirect:/app/sales/orders/" + id + "#documents";
    }

    @GetMapping("/orders/{id}/invoice.pdf")
    ResponseEntity<byte[]> invoice(@PathVariable UUID id) {
        return DocumentController.pdf(documents.invoiceOfOrder(id));
    }

    @GetMapping("/orders/{id}/delivery-note.pdf")
    ResponseEntity<byte[]> deliveryNote(@PathVariable UUID id) {
        return DocumentController.pdf(documents.deliveryNote(id));
    }

    @GetMapping("/quotes/{id}/quote.pdf")
    ResponseEntity<byte[]> quote(@PathVariable UUID id) {
        return DocumentController.pdf(documents.quote(id));
    }

    @GetMapping("/invoices/{id}.pdf")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        return DocumentController.pdf(documents.invoice(id));
    }

    /** What the order and customer pages list (templates call {@code @salesDocumentLinks}). */
    @Component("salesDocumentLinks")
    static class Links {

        private final Invoices invoices;

        Links(Invoices invoices) {
            this.invoices = invoices;
        }

        public List<InvoiceSummary> ofOrder(OrderView order) {
            return invoices.ofOrder(order);
        }

        public List<InvoiceSummary> ofCustomer(UUID customerId) {
            return invoices.ofCustomer(customerId);
        }
    }
}
