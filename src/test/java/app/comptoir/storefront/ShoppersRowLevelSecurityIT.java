package app.comptoir.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The database itself keeps businesses apart in the shoppers' tables (accounts, sessions, e-mailed links), even for
 * SQL that forgets to filter; and one shop's token, or its e-mail, opens nothing at another shop.
 */
@IntegrationTest
class ShoppersRowLevelSecurityIT {

    private static final List<String> TABLES = List.of("shoppers", "shopper_sessions", "shopper_links");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void everyShoppersTableIsForcedUnderRowLevelSecurity() {
        List<String> protectedTables = jdbc.queryForList("""
                select relname from pg_class where relname = any(?) and relrowsecurity and relforcerowsecurity""",
                String.class, (Object) TABLES.toArray(String[]::new));
        assertThat(protectedTables).containsExactlyInAnyOrderElementsOf(TABLES);
    }

    @Test
    void unfilteredQueriesOnlySeeTheCurrentBusinesssShoppersAndWritesForAnotherAreRefused() {
        Shops shop = Shops.open(port, "Jardinerie Étanche");
        String email = shop.register("Olivier Bonnet");
        String token = shop.login(email);
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        for (String table : TABLES) {
            Long mine = tenantContext.callAs(shop.admin.tenantId(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(mine).as(table).isPositive();
            Long none = tx.execute(s -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            assertThat(none).as(table + " without a business").isZero();
            Long other = tenantContext.callAs(UUID.randomUUID(), () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(other).as(table + " for another business").isZero();
        }
        Shops other = Shops.open(port, "Jardinerie Voisine Étanche");
        assertThatThrownBy(() -> tenantContext.callAs(other.admin.tenantId(), () -> tx.execute(s -> jdbc.update("""
                insert into shoppers (id, tenant_id, email, name, locale, created_at, updated_at)
                values (?, ?, 'intrus@example.test', 'Intrus', 'fr', now(), now())""",
                UUID.randomUUID(), shop.admin.tenantId()))))
                .hasStackTraceContaining("row-level security");

        // the other shop neither opens the token nor knows the e-mail's password
        other.store(token).get(other.api("/me")).then().spec(Api.problem(401, "shopper-token"));
        other.store().body(Map.of("email", email, "password", Api.PASSWORD)).post(other.api("/auth/login"))
                .then().spec(Api.problem(401, "shopper-credentials"));
        shop.store(token).get(shop.api("/me")).then().statusCode(200);
    }
}
