package app.comptoir.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells whether a signed-in principal's account is still active, with its current roles: every
 * request is checked, so disabling, deleting or demoting a user takes effect at once, not when their
 * token or session expires. Implemented by the identity module.
 */
public interface AccountStatus {

    /** The principal as it stands now, or empty when the account is disabled or deleted. */
    Optional<ComptoirPrincipal> current(ComptoirPrincipal principal);

    /**
     * Whether the business was suspended by the operator of the deployment: its staff are then refused (423
     * {@code business-suspended}). None is, unless the identity module says so.
     */
    default boolean businessSuspended(java.util.UUID tenantId) {
        return false;
    }

    /** Forgets what is known of a user, after a change to their account. */
    void evict(UUID userId);
}
