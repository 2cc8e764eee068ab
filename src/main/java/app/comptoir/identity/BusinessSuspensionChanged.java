package app.comptoir.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deployment's operator suspended ({@code suspended} true) or reopened a business, for the stated reason;
 * notifications e-mails the business's active administrators ({@code administrators}, their sign-in addresses) in
 * the business's language. {@code actionId} is the operator journal's entry, so a replayed event mails nobody twice.
 */
public record BusinessSuspensionChanged(UUID tenantId, UUID actionId, boolean suspended, String reason,
                                        List<String> administrators, Instant at) {

    public BusinessSuspensionChanged {
        administrators = List.copyOf(administrators);
    }
}
