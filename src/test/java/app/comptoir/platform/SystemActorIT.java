package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.IntegrationTest;

/** Issue #12, item 15: every business row says who wrote it; what no person wrote is the system actor's. */
@IntegrationTest
class SystemActorIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    /** Every author column of the schema: created_by and updated_by of every table, and a movement's actor. */
    private List<String[]> authorColumns() {
        return jdbc.query("""
                select c.table_name, c.column_name, c.is_nullable from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and (c.column_name in ('created_by', 'updated_by')
                        or (c.table_name = 'stock_movements' and c.column_name = 'actor_id'))
                 order by 1, 2""", (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    @Test
    void everyAuthorColumnOfEveryTableIsRequired() {
        List<String[]> columns = authorColumns();
        assertThat(columns).extracting(c -> c[0]).contains("categories", "products", "variants", "stock_locations",
                "stock_movements", "sales_customers", "sales_orders", "sales_quotes", "sales_returns", "users");
        assertThat(columns).allSatisfy(c -> assertThat(c[2]).as(c[0] + "." + c[1]).isEqualTo("NO"));
    }

    @Test
    void noBusinessRowOfTheDemoBusinessesIsWithoutAnAuthorAndTheDemoMovementsAreTheSystemActors() {
        List<UUID> tenants = jdbc.queryForList("select id from tenants", UUID.class);
        assertThat(tenants).isNotEmpty();
        List<String[]> columns = authorColumns();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        long rows = 0;
        long bySystem = 0;
        for (UUID tenant : tenants) {
            // Row-level security shows a transaction only its tenant's rows.
            long[] counted = tx.execute(status -> {
                jdbc.execute(TenantSettings.setLocal(tenant, null));
                long all = 0;
                for (String[] c : columns) {
                    Long nulls = jdbc.queryForObject("select count(*) from " + c[0] + " where " + c[1] + " is null",
                            Long.class);
                    assertThat(nulls).as(c[0] + "." + c[1] + " of tenant " + tenant).isZero();
                    all += jdbc.queryForObject("select count(*) from " + c[0], Long.class);
                }
                Long system = jdbc.queryForObject("select count(*) from stock_movements where actor_id = ?", Long.class,
                        SystemActor.ID);
                return new long[] {all, system};
            });
            rows += counted[0];
            bySystem += counted[1];
        }
        assertThat(rows).as("rows seen").isPositive();
        assertThat(bySystem).as("demo movements written by the system actor").isPositive();
        assertThat(jdbc.queryForObject("select comptoir_system_actor()", UUID.class)).isEqualTo(SystemActor.ID);
    }
}
