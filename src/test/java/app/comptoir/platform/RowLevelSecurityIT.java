package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * PostgreSQL itself keeps tenants apart: SQL that forgets the tenant filter, run through the
 * application's own transaction manager and connection pool, still sees and changes only the rows
 * of the tenant the transaction runs for.
 */
@IntegrationTest
class RowLevelSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TenantContext tenantContext;

    private Account tenantA;
    private Account viewerA;
    private Account tenantB;

    @BeforeEach
    void twoBusinesses() {
        tenantA = Api.newBusiness(port, "RLS A");
        viewerA = Api.newUser(port, tenantA, "VIEWER");
        tenantB = Api.newBusiness(port, "RLS B");
    }

    @Test
    void theApplicationConnectsAsARoleThatCannotBypassRowLevelSecurity() {
        Map<String, Object> role = jdbc.queryForMap("select rolsuper, rolbypassrls from pg_roles where rolname = current_user");
        List<String> forced = jdbc.queryForList("""
                select relname from pg_class
                where relname in ('users', 'refresh_tokens', 'audit_log') and relrowsecurity and relforcerowsecurity""",
                String.class);

        assertThat(role).containsEntry("rolsuper", false).containsEntry("rolbypassrls", false);
        assertThat(forced).containsExactlyInAnyOrder("users", "refresh_tokens", "audit_log");
    }

    @Test
    void aQueryWithoutTenantFilterSeesOnlyTheCurrentTenantsUsers() {
        assertThat(usersSeenBy(tenantA.tenantId())).containsExactlyInAnyOrder(tenantA.userId(), viewerA.userId());
        assertThat(usersSeenBy(tenantB.tenantId())).containsExactly(tenantB.userId());
    }

    @Test
    void refreshTokensAndTheAuditLogAreIsolatedToo() {
        List<UUID> tokenTenants = as(tenantA.tenantId(),
                tx -> jdbc.queryForList("select distinct tenant_id from refresh_tokens", UUID.class));
        List<UUID> auditTenants = as(tenantA.tenantId(),
                tx -> jdbc.queryForList("select distinct tenant_id from audit_log", UUID.class));

        assertThat(tokenTenants).containsExactly(tenantA.tenantId());
        assertThat(auditTenants).containsExactly(tenantA.tenantId());
    }

    @Test
    void anotherTenantsRowIsInvisibleEvenByItsId() {
        Long count = as(tenantA.tenantId(),
                tx -> jdbc.queryForObject("select count(*) from users where id = ?", Long.class, tenantB.userId()));

        assertThat(count).isZero();
    }

    @Test
    void withoutATenantNoRowIsVisible() {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        assertThat(tenantContext.currentTenant()).isEmpty();
        Long users = tx.execute(s -> jdbc.queryForObject("select count(*) from users", Long.class));
        Long tokens = tx.execute(s -> jdbc.queryForObject("select count(*) from refresh_tokens", Long.class));
        Long audit = tx.execute(s -> jdbc.queryForObject("select count(*) from audit_log", Long.class));
        Long usersOutsideAnyTransaction = jdbc.queryForObject("select count(*) from users", Long.class);

        assertThat(users).isZero();
        assertThat(tokens).isZero();
        assertThat(audit).isZero();
        assertThat(usersOutsideAnyTransaction).isZero();
    }

    @Test
    void theTenantOfATransactionDoesNotOutliveItOnThePooledConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement set = connection.createStatement()) {
                set.execute(TenantSettings.setLocal(tenantA.tenantId(), null));
            }
            assertThat(countUsers(connection)).isEqualTo(2);
            connection.commit();

            assertThat(countUsers(connection)).isZero();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void insertingARowForAnotherTenantIsRefusedByThePolicy() {
        assertThatThrownBy(() -> as(tenantA.tenantId(), tx -> (Integer) jdbc.update("""
                insert into users (id, tenant_id, email, name, password_hash, roles, created_at, updated_at)
                values (?, ?, ?, 'Intrus', 'not-a-hash', '{ADMIN}', now(), now())""",
                Ids.newId(), tenantB.tenantId(), Api.uniqueEmail("intruder"))))
                .rootCause().hasMessageContaining("violates row-level security policy");

        assertThat(usersSeenBy(tenantB.tenantId()))
                .containsExactly(tenantB.userId());
    }

    @Test
    void movingARowToAnotherTenantIsRefusedByThePolicy() {
        assertThatThrownBy(() -> as(tenantA.tenantId(), tx -> (Integer) jdbc.update(
                "update users set tenant_id = ? where id = ?", tenantB.tenantId(), viewerA.userId())))
                .rootCause().hasMessageContaining("violates row-level security policy");

        assertThat(usersSeenBy(tenantA.tenantId()))
                .contains(viewerA.userId());
    }

    @Test
    void anUnfilteredUpdateChangesOnlyTheCurrentTenantsRows() {
        Integer changed = as(tenantA.tenantId(), tx -> {
            tx.setRollbackOnly();
            return jdbc.update("update users set name = name || ' (changed)'");
        });

        assertThat(changed).isEqualTo(2);
    }

    @Test
    void writingAnAuditRowForAnotherTenantIsRefused() {
        assertThatThrownBy(() -> as(tenantA.tenantId(), tx -> (Integer) jdbc.update("""
                insert into audit_log (id, tenant_id, occurred_at, actor_email, entity_type, entity_id, action)
                values (?, ?, now(), 'intruder', 'user', ?, 'UPDATE')""",
                Ids.newId(), tenantB.tenantId(), tenantB.userId())))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    /** Every user row the tenant's transaction can read, with no filter in the SQL. */
    private List<UUID> usersSeenBy(UUID tenant) {
        return as(tenant, tx -> jdbc.queryForList("select id from users", UUID.class));
    }

    private <T> T as(UUID tenant, Function<TransactionStatus, T> work) {
        return tenantContext.callAs(tenant, () -> new TransactionTemplate(transactionManager).execute(work::apply));
    }

    private static long countUsers(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from users");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
