package app.comptoir.platform;

/**
 * Checks an e-mail and password (with login throttling) and returns who signed in. Implemented by
 * the identity module; used by the web form login and the API login alike.
 */
public interface CredentialsVerifier {

    /**
     * @throws UnauthorizedException when the credentials are wrong or the account is disabled
     * @throws TooManyRequestsException when the account or the client address is throttled
     */
    ComptoirPrincipal verify(String email, String password, String clientAddress);
}
