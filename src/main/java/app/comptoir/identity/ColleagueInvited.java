package app.comptoir.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator invited a colleague with a role (also published when an invitation is sent again, with a
 * new token). Notifications e-mails the link carrying {@code token}, which lets the colleague set a name and
 * a password once, until {@code expiresAt}; identity keeps only its hash.
 */
public record ColleagueInvited(UUID tenantId, UUID invitationId, String email, String role, String invitedBy,
                               String locale, String token, Instant expiresAt) {
}
