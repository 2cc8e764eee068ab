package app.comptoir.assistant;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The assistant's answer to one message: the text, who wrote it ({@code catalog} when no provider is configured:
 * a catalog search, no model), what this message cost and what the conversation has used of its budget, the tools
 * the model asked for with what the server decided, the order waiting for the user's "yes", and the quotes and
 * orders created by this message.
 */
public record ChatAnswer(UUID conversationId, String answer, String provider, String model, int tokensIn,
                         int tokensOut, BigDecimal cost, String costCurrency, long conversationTokens,
                         long tokenBudget, List<ToolUse> tools, PendingOrder pendingOrder,
                         List<DraftedDocument> documents) {

    /** A tool the model asked for: its name and the server's outcome ({@code done}, {@code refused}, {@code failed}). */
    public record ToolUse(String name, String outcome) {
    }

    /**
     * The order the assistant prepared, placed only if the user's next message is "oui" / "yes"; {@code deliveryFee}
     * is the shop's delivery fee in a shopper's order (null in the back office's).
     */
    public record PendingOrder(String customer, List<Line> lines, BigDecimal deliveryFee, BigDecimal net,
                               BigDecimal vat, BigDecimal gross, String currency, String deliveryAddress) {

        /** One line: SKU, label, quantity, unit price and amount. */
        public record Line(String sku, String label, int quantity, BigDecimal unitPrice, BigDecimal amount) {
        }
    }

    /** A quote or an order the assistant created, with the back-office page that shows it. */
    public record DraftedDocument(String kind, UUID id, String number, String link) {
    }
}
