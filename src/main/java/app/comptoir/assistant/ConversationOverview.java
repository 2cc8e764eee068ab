package app.comptoir.assistant;

import java.util.List;

/**
 * A conversation as the staff's list of everyone's conversations shows it: its summary, who talked (a staff
 * member's name, or a shopper's name and e-mail) and the quotes and orders the assistant created in it.
 */
public record ConversationOverview(ConversationSummary summary, String who,
                                   List<ChatAnswer.DraftedDocument> documents) {
}
