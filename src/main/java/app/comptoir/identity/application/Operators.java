package app.comptoir.identity.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.TenantContext;

/**
 * Who operates the deployment: the users whose sign-in e-mail is listed in {@code comptoir.operator-emails}
 * ({@code COMPTOIR_OPERATOR_EMAILS}, comma-separated). An operator signs in as the staff user they are; the list
 * lives in the deployment's configuration, out of reach of any business's administrator, and a login e-mail is
 * unique across the deployment, so no business can make itself an operator.
 */
@Component
public class Operators {

    private final Set<String> emails;
    private final TenantContext tenantContext;

    Operators(@Value("${comptoir.operator-emails:}") String emails, TenantContext tenantContext) {
        this.emails = Arrays.stream(emails.split(",")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.tenantContext = tenantContext;
    }

    /** Whether this principal operates the deployment. */
    public boolean isOperator(ComptoirPrincipal principal) {
        return principal != null && principal.email() != null
                && emails.contains(principal.email().strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the signed-in user operates the deployment. */
    public boolean signedInIsOperator() {
        return tenantContext.principal().map(this::isOperator).orElse(false);
    }

    /** The signed-in operator; anyone else is refused with a 403. */
    public ComptoirPrincipal require() {
        ComptoirPrincipal me = tenantContext.principal().orElse(null);
        if (!isOperator(me)) {
            throw new AccessDeniedException("Only the operator of the service may do this");
        }
        return me;
    }
}
