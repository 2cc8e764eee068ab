package app.comptoir.identity;

import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.identity.application.QuotaExceededException;
import app.comptoir.identity.domain.Plan;
import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.platform.Quotas;
import app.comptoir.platform.TenantContext;

/**
 * The quotas of the current business's plan (chosen by the operator of the deployment): called before a user or a
 * product is added, inside the transaction that adds it, it refuses with a 409 {@code quota-exceeded} naming the
 * limit and the plan. The count is read, not locked: two additions at the very same moment may both pass the last
 * free place, a plan's limit is a commercial bound, not an invariant worth serialising every creation for.
 */
@Service
public class BusinessQuotas implements Quotas {

    private final OperatorStore store;
    private final TenantContext tenantContext;

    BusinessQuotas(OperatorStore store, TenantContext tenantContext) {
        this.store = store;
        this.tenantContext = tenantContext;
    }

    @Override
    public void requireRoomForUser() {
        UUID tenant = tenantContext.requireTenant();
        Plan plan = plan(tenant);
        if (!Plan.roomFor(plan.maxUsers(), store.users(tenant))) {
            throw new QuotaExceededException("users", plan.name(), plan.maxUsers());
        }
    }

    @Override
    public void requireRoomForProduct() {
        UUID tenant = tenantContext.requireTenant();
        Plan plan = plan(tenant);
        if (!Plan.roomFor(plan.maxProducts(), store.products(tenant))) {
            throw new QuotaExceededException("products", plan.name(), plan.maxProducts());
        }
    }

    private Plan plan(UUID tenant) {
        return store.plan(tenant).map(Plan::valueOf).orElse(Plan.ILLIMITE);
    }
}
