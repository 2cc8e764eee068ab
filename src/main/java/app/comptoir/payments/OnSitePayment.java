package app.comptoir.payments;

import java.math.BigDecimal;

/**
 * A payment received on site, as staff record it: the method (not {@link PaymentMethod#CARD_ONLINE}), the amount
 * in the business's currency, and an optional reference (cheque number, transfer id, terminal receipt) and note.
 */
public record OnSitePayment(PaymentMethod method, BigDecimal amount, String reference, String note) {
}
