package app.comptoir.platform;

import java.util.Optional;

/**
 * Passkeys (WebAuthn) as the web sign-in sees them (a port: identity keeps the passkeys). Spring Security
 * checks the signature; this tells who the passkey's user handle stands for now.
 */
public interface PasskeyAccounts {

    /**
     * The name Spring Security's WebAuthn endpoints know a signed-in user by: stable (the business and the
     * user ids), unlike an e-mail or a role that may change.
     */
    static String userKey(ComptoirPrincipal principal) {
        return principal.tenantId() + ":" + principal.userId();
    }

    /**
     * Who the WebAuthn user handle (base64url) stands for, with the account as it is now: empty for an
     * unknown handle or a disabled or deleted account.
     */
    Optional<ComptoirPrincipal> signIn(String userHandle);
}
