package app.comptoir.platform.db;

import java.sql.PreparedStatement;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.Session;
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
        // Plain JDBC rather than a Hibernate native query: this runs at the start of every transaction,
        // and the query machinery (plan, result mapping) cost more CPU than the statement itself.
        // Background work commits without waiting for the disk (see BackgroundWorkLimit), in the same round trip.
        String sql = BackgroundWorkLimit.running()
                ? "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true),"
                        + " set_config('synchronous_commit', 'off', true)"
                : "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)";
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, tenant);
                statement.setString(2, actor);
                statement.execute();
            }
        });
    }
}
