package app.comptoir.platform.db;

import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.platform.TenantContext;

/**
 * A JPA transaction manager that tells PostgreSQL which tenant the transaction runs for
 * ({@code app.tenant_id}, transaction-local), so that row-level security policies apply to every
 * statement, including native SQL that forgets to filter. Without a tenant the setting is empty and
 * tenant-owned tables show no rows at all.
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
        String tenant = tenantContext.currentTenant().map(UUID::toString).orElse("");
        String actor = tenantContext.principal().map(p -> p.userId().toString()).orElse("");
        em.createNativeQuery("select set_config('app.tenant_id', ?1, true), set_config('app.user_id', ?2, true)")
                .setParameter(1, tenant)
                .setParameter(2, actor)
                .getSingleResult();
    }
}
