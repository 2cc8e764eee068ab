package app.comptoir.sales.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.sales.application.Invoices;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.SalesDocuments;
import app.comptoir.sales.domain.InvoiceContent;
import app.comptoir.sales.persistence.InvoiceStore;
import app.comptoir.sales.persistence.InvoiceSummary;

/**
 * The document downloads of the order, quote and customer pages, "Établir la facture" and "Établir un avoir" on an
 * order.
 */
@PageController
@RequestMapping("/app/sales")
class DocumentPages {

    private final Invoices invoices;
    private final SalesDocuments documents;
    private final MessageSource messages;
    private final IdempotencyKeys idempotencyKeys;

    DocumentPages(Invoices invoices, SalesDocuments documents, MessageSource messages,
                  IdempotencyKeys idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        this.invoices = invoices;
        this.documents = documents;
        this.messages = messages;
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

    /**
     * "Établir un avoir": a credit note for the order's invoice without a return. Refusals come back next to their
     * fields (in the user's language), with the form as typed.
     */
    @PostMapping("/invoices/{id}/credit-note")
    String creditNote(@PathVariable UUID id, @ModelAttribute CreditNoteForm form, Locale locale,
                      RedirectAttributes redirect) {
        InvoiceStore.Stored invoice = invoices.creditable(id);
        String back = "redirect:/app/sales/orders/" + invoice.summary().orderId() + "#credit-note";
        int unreadable = form.unreadable();
        if (unreadable >= 0) {
            redirect.addFlashAttribute("creditErrors", Map.of("amounts[" + unreadable + "].net",
                    FormErrors.message(messages, "net", "must be a number", locale)));
            redirect.addFlashAttribute("creditForm", form);
            return back;
        }
        try {
            // The key sent by the form displayed once: a double submit finds the credit note the first issued.
            UUID requestedId = idempotencyKeys.key(form.getIdempotencyKey()).map(idempotencyKeys::idFor).orElse(null);
            InvoiceSummary credit = invoices.creditNote(id, form.request(), requestedId).creditNote();
            redirect.addFlashAttribute("creditFlash", credit.number());
            return "redirect:/app/sales/orders/" + invoice.summary().orderId() + "#documents";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (InvalidInputException.FieldError error : e.errors()) {
                String field = error.field().replaceAll(".*\\.", "");
                errors.putIfAbsent(error.field(), FormErrors.message(messages, field, error.message(), locale));
            }
            redirect.addFlashAttribute("creditErrors", errors);
            redirect.addFlashAttribute("creditForm", form);
            return back;
        } catch (ConflictException e) {
            redirect.addFlashAttribute("documentError", e.getMessage());
            return back;
        } catch (ComptoirException e) {
            if (!IdempotencyKeys.REUSED.equals(e.type())) {
                throw e;
            }
            // The same displayed form sent again with other figures: the first submit issued its credit note.
            redirect.addFlashAttribute("documentError", messages.getMessage("documents.creditNote.alreadyIssued",
                    null, locale));
            return "redirect:/app/sales/orders/" + invoice.summary().orderId() + "#documents";
        }
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

        /** The order's invoice with its lines and rates (for the credit note form), if issued. */
        public InvoiceContent invoiceOf(OrderView order) {
            return invoices.invoiceOf(order).map(InvoiceStore.Stored::content).orElse(null);
        }

        /** The order's invoice's id, if issued. */
        public UUID invoiceIdOf(List<InvoiceSummary> documents) {
            return documents.stream().filter(d -> "FAC".equals(d.kind())).map(InvoiceSummary::id).findFirst()
                    .orElse(null);
        }

        public List<InvoiceSummary> ofCustomer(UUID customerId) {
            return invoices.ofCustomer(customerId);
        }
    }
}
