package app.comptoir.assistant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A conversation with the assistant as a list shows it: whose ({@code ownerKind} {@code staff}: {@code userId} is the
 * staff user; {@code shopper}: it is the shop's shopper, named by {@code ownerLabel}), its title, tokens and cost
 * used, when.
 */
public record ConversationSummary(UUID id, UUID userId, String ownerKind, String ownerLabel, String title, long tokens, long tokenBudget, BigDecimal cost,
                                  boolean awaitingConfirmation, Instant createdAt, Instant updatedAt) {
}
