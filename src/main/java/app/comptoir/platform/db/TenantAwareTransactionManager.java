package app.comptoir.platform.db;

import java.sql.Statement;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.platform.GenericPlans;
import app.comptoir.platform.TenantContext;

/**
 * A JPA transaction manager that tells PostgreSQL which tenant the transaction runs for
 * ({@code app.tenant_id}, transaction-local, with {@code SET LOCAL}: {@link TenantSettings}), so that row-level
 * security policies apply to every statement, including native SQL that forgets to filter. Without a tenant the
 * setting is empty and tenant-owned tables show no rows at all.
 */
class TenantAwareTransactionManager extends JpaTransactionManager {

    private final transient TenantContext tenantContext;

    TenantAwareTransactionManager(EntityManagerFactory emf, TenantContext tenantContext) {
        super(emf);
        this.tenantContext = tenantContext;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManagerHolder holder = (EntityManagerHolder) TransactionSynchronizationManager
                .getResource(obtainEntityManagerFactory());
        if (holder == null) {
            return;
        }
        EntityManager em = holder.getEntityManager();
        UUID tenant = tenantContext.currentTenant().orElse(null);
        UUID actor = tenantContext.principal().map(p -> p.userId()).orElse(null);
        // Plain JDBC rather than a Hibernate native query: this runs at the start of every transaction,
        // and the query machinery (plan, result mapping) cost more CPU than the statement itself. Both SET LOCAL
        // in one execution: one round trip, as the single set_config select was. Background work also commits
        // without waiting for the disk (see BackgroundWorkLimit), and a checkout's transaction keeps its statements'
        // generic plans (GenericPlans), in the same round trip.
        String settings = TenantSettings.setLocal(tenant, actor)
                + (BackgroundWorkLimit.running() ? "; set local synchronous_commit = off" : "")
                + (GenericPlans.active() ? "; set local plan_cache_mode = force_generic_plan" : "");
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(settings);
            }
        });
    }
}
