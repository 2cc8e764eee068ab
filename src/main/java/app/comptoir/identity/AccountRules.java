package app.comptoir.identity;

import java.time.Duration;

/**
 * Identity's rules for staff accounts, offered to the other kinds of accounts of the application (a shop's
 * shoppers): the e-mail form, the password policy and the login throttle (in the database, shared by every node),
 * each kind of account counted under its own {@code realm} (a key prefix such as {@code shop:<tenant>:}), so that
 * a shopper's failures never slow a member of staff down, nor the reverse.
 *
 * <p>Refusals are the platform's: {@link app.comptoir.platform.InvalidInputException} naming the field,
 * {@link app.comptoir.platform.TooManyRequestsException} with the wait.
 */
public interface AccountRules {

    /** The e-mail trimmed and in lower case, or a field error on {@code field}. */
    String email(String field, String email);

    /** Checks a new password against the staff's policy (10 to 128 characters, not common, not the e-mail). */
    void checkPassword(String field, String password, String email);

    /** Counts a login attempt and refuses it while the address, the e-mail from the address or the e-mail is throttled. */
    void checkLogin(String realm, String email, String clientAddress);

    /** Records a failed login (unknown e-mail or wrong password alike). */
    void loginFailed(String realm, String email, String clientAddress);

    /** Forgets the failures of the e-mail from the address after a successful login. */
    void loginSucceeded(String realm, String email, String clientAddress);

    /** Counts a request for an e-mailed link (password reset, new verification): per address and per e-mail. */
    void checkLinkRequest(String realm, String email, String clientAddress);

    /** Counts one act from the address (a registration): at most {@code limit} per {@code window}. */
    void checkRate(String realm, String act, String clientAddress, int limit, Duration window);
}
