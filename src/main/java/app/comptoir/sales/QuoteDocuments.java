package app.comptoir.sales;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.QuoteView;
import app.comptoir.sales.application.Quotes;
import app.comptoir.sales.application.SalesDocuments;
import app.comptoir.sales.persistence.CustomerView;

/** A quote as its customer receives it, for the notifications module that e-mails it when it is sent. */
@Service
@Transactional(readOnly = true)
public class QuoteDocuments {

    /**
     * The quote's PDF and where to send it.
     *
     * @param customerEmail the customer's address, or null when their record has none
     */
    public record QuoteDocument(String number, String customerName, String customerEmail, String fileName, byte[] pdf) {
    }

    private final SalesDocuments documents;
    private final Quotes quotes;
    private final Customers customers;

    QuoteDocuments(SalesDocuments documents, Quotes quotes, Customers customers) {
        this.documents = documents;
        this.quotes = quotes;
        this.customers = customers;
    }

    /** The current business's quote, printed as its PDF, with its customer's name and e-mail address. */
    public QuoteDocument quote(UUID quoteId) {
        QuoteView quote = quotes.get(quoteId);
        String email = customers.find(quote.customer().id()).map(CustomerView::email)
                .filter(e -> !e.isBlank()).orElse(null);
        SalesDocuments.Pdf pdf = documents.quote(quoteId);
        return new QuoteDocument(quote.number(), quote.customer().name(), email, pdf.fileName(), pdf.bytes());
    }
}
