package app.comptoir.assistant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation with its messages in order: the user's, the assistant's, and each tool call with its outcome. */
public record ConversationView(ConversationSummary summary, List<Message> messages) {

    /** One message; for a tool call its name, arguments, outcome and the quote or order it created. */
    public record Message(int seq, String role, String content, String tool, String toolArguments,
                          String toolOutcome, String documentKind, UUID documentId, String documentNumber,
                          int tokensIn, int tokensOut, Instant at) {
    }
}
