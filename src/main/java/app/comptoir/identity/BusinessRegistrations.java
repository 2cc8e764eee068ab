package app.comptoir.identity;

import app.comptoir.platform.ComptoirPrincipal;

/**
 * Creates a business with its first administrator on behalf of another module (purchasing registers the
 * supplier a shopkeeper invited). The same rules as sign-up apply: the e-mail is free, the password follows the
 * policy (field errors {@code email}, {@code password}, {@code businessName}), sign-ups are throttled per address.
 */
public interface BusinessRegistrations {

    /** What a new business needs: its name and kind, the administrator's e-mail, password and name, language, currency. */
    record NewBusiness(String businessName, BusinessKind kind, String email, String password, String name,
                       String locale, String currency) {
    }

    /** Creates the business (publishing {@link TenantCreated}) and returns its administrator, not signed in. */
    ComptoirPrincipal register(NewBusiness business, String clientAddress);
}
