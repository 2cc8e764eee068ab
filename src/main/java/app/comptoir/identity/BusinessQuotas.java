package app.comptoir.identity;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.application.BusinessPlans;
import app.comptoir.identity.application.QuotaExceededException;
import app.comptoir.identity.domain.Plan;
import app.comptoir.identity.persistence.OperatorStore;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Quotas;
import app.comptoir.platform.TenantContext;

/**
 * The quotas of the current business's plan (chosen by the operator of the deployment): called before a user, a
 * product or an order is added, inside the transaction that adds it, it refuses with a 409 {@code quota-exceeded} naming the
 * limit and the plan. On a limited plan the check takes a transaction-scoped lock of that business and quota before
 * it counts (see {@link OperatorStore#lockQuota}), held until the addition commits: two additions at the same instant
 * are counted one after the other, so the last free place goes to one of them only. The unlimited plan takes no
 * lock, its creations are not serialised, and the plan itself is remembered a few seconds ({@link BusinessPlans}).
 * Called outside a transaction the lock would end at once, so a transaction is required.
 */
@Service
public class BusinessQuotas implements Quotas {

    private final OperatorStore store;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final BusinessPlans plans;

    BusinessQuotas(OperatorStore store, TenantContext tenantContext, BusinessTime businessTime, BusinessPlans plans) {
        this.store = store;
        this.plans = plans;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoomForUser() {
        require("users", Plan::maxUsers, null, store::users);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoomForProduct() {
        require("products", Plan::maxProducts, null, store::products);
    }

    /** Counts every order created since the first of the month in the business's time zone, whatever its status. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoomForOrder() {
        require("orders", Plan::maxOrdersPerMonth, "month", tenant -> store.ordersSince(tenant, businessTime.monthStart()));
    }

    /** Nothing on an unlimited quota; else the lock of this business and quota, then the count under it. */
    private void require(String quota, Function<Plan, Integer> limit, String period, ToLongFunction<UUID> count) {
        UUID tenant = tenantContext.requireTenant();
        Plan plan = plan(tenant);
        Integer max = limit.apply(plan);
        if (max == null) {
            return;
        }
        store.lockQuota(tenant, quota);
        long used = count.applyAsLong(tenant);
        if (!Plan.roomFor(max, used)) {
            throw new QuotaExceededException(quota, plan.name(), max, used, period);
        }
    }

    private Plan plan(UUID tenant) {
        return plans.of(tenant);
    }
}
