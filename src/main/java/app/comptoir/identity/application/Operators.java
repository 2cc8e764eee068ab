package app.comptoir.identity.application;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.identity.persistence.OperatorStore.GrantRow;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.NodeMemory;
import app.comptoir.platform.TenantContext;

/**
 * Who operates the deployment: the users whose sign-in e-mail is listed in {@code comptoir.operator-emails}
 * ({@code COMPTOIR_OPERATOR_EMAILS}, comma-separated), and those another operator named from the console
 * ({@code operator_grants}). An operator signs in as the staff user they are; the configured list lives in the
 * deployment's configuration and the named ones are written by operators only, out of reach of any business's
 * administrator, and a login e-mail is unique across the deployment, so no business can make itself an operator.
 * The named addresses are remembered a few seconds per node: a revocation applies at once on this node, on the
 * others a moment after the commit ({@link CacheEvictions}), or within the window if that notice was lost.
 */
@Component
public class Operators {

    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String NAME = "operator-grants";
    private static final String ALL = "all";

    private final Set<String> emails;
    private final TenantContext tenantContext;
    private final OperatorStore store;
    private final TransactionTemplate readOnly;
    private final CacheEvictions evictions;
    private final Cache<String, Set<String>> granted = Caffeine.newBuilder().expireAfterWrite(WINDOW).build();

    Operators(@Value("${comptoir.operator-emails:}") String emails, TenantContext tenantContext, OperatorStore store,
              PlatformTransactionManager txManager, CacheEvictions evictions) {
        this.emails = Arrays.stream(emails.split(",")).map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.tenantContext = tenantContext;
        this.store = store;
        this.evictions = evictions;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
        evictions.onForget(NAME, key -> granted.invalidateAll(), granted::invalidateAll);
    }

    /** Whether this principal operates the deployment. */
    public boolean isOperator(ComptoirPrincipal principal) {
        if (principal == null || principal.email() == null) {
            return false;
        }
        String email = principal.email().strip().toLowerCase(Locale.ROOT);
        return emails.contains(email) || granted().contains(email);
    }

    /** Whether the address is one of the deployment's configuration (which the console cannot revoke). */
    public boolean configured(String email) {
        return email != null && emails.contains(email.strip().toLowerCase(Locale.ROOT));
    }

    /** The configured addresses, sorted. */
    public java.util.List<String> configuredEmails() {
        return emails.stream().sorted().toList();
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

    /** Forgets the named operators, here at once and after the commit, and on the other nodes. */
    void forgetGrants() {
        granted.invalidateAll();
        evictions.forget(NAME, ALL);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    granted.invalidateAll();
                }
            });
        }
    }

    private Set<String> granted() {
        return NodeMemory.get(granted, ALL, key -> readOnly.execute(status -> store.grants().stream()
                .map(GrantRow::email).collect(Collectors.toUnmodifiableSet())));
    }
}
