package app.comptoir.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant (and actor) the current work runs for.
 *
 * <p>Requests take it from the signed-in principal; sign-up, login, demo seeding and background jobs
 * run a block of work {@linkplain #callAs for an explicit tenant}. The platform's transaction manager
 * hands it to PostgreSQL at the start of every transaction, where row-level security enforces it.
 */
@Component
public class TenantContext {

    private final ThreadLocal<UUID> explicitTenant = new ThreadLocal<>();

    /** The current tenant, if any. */
    public Optional<UUID> currentTenant() {
        UUID explicit = explicitTenant.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return principal().map(ComptoirPrincipal::tenantId);
    }

    /** The current tenant, or an error when the work runs for none. */
    public UUID requireTenant() {
        return currentTenant().orElseThrow(() -> new IllegalStateException("No tenant in context"));
    }

    /** The signed-in principal, if any. */
    public Optional<ComptoirPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ComptoirPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Runs work for the given tenant, restoring the previous one afterwards. */
    public <T> T callAs(UUID tenantId, Callable<T> work) {
        UUID previous = explicitTenant.get();
        explicitTenant.set(tenantId);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                explicitTenant.remove();
            } else {
                explicitTenant.set(previous);
            }
        }
    }

    /** Runs work for the given tenant. */
    public void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
