package app.comptoir.identity.application;

import java.time.Duration;

import org.springframework.stereotype.Component;

import app.comptoir.identity.AccountRules;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.PasswordPolicy;
import app.comptoir.platform.InvalidInputException;

/** The staff accounts' e-mail form, password policy and login throttle, for other kinds of accounts. */
@Component
class AccountRuleChecks implements AccountRules {

    private final LoginThrottle throttle;

    AccountRuleChecks(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public String email(String field, String email) {
        try {
            return LoginEmail.normalize(email);
        } catch (InvalidInputException e) {
            throw InvalidInputException.field(field, e.errors().getFirst().message());
        }
    }

    @Override
    public void checkPassword(String field, String password, String email) {
        PasswordPolicy.check(field, password, email);
    }

    @Override
    public void checkLogin(String realm, String email, String clientAddress) {
        throttle.checkAttempt(realm(realm), email, clientAddress);
    }

    @Override
    public void loginFailed(String realm, String email, String clientAddress) {
        throttle.failed(realm(realm), email, clientAddress);
    }

    @Override
    public void loginSucceeded(String realm, String email, String clientAddress) {
        throttle.succeeded(realm(realm), email, clientAddress);
    }

    @Override
    public void checkLinkRequest(String realm, String email, String clientAddress) {
        throttle.checkResetRequest(realm(realm), email, clientAddress);
    }

    @Override
    public void checkRate(String realm, String act, String clientAddress, int limit, Duration window) {
        throttle.checkRate(realm(realm), act, clientAddress, limit, window);
    }

    /** Another realm than the staff's, always: a blank one would count in the staff's keys. */
    private static String realm(String realm) {
        if (realm == null || realm.isBlank()) {
            throw new IllegalArgumentException("A realm other than the staff's is required");
        }
        return realm.endsWith(":") ? realm : realm + ":";
    }
}
