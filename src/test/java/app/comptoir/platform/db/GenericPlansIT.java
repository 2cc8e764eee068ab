package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.GenericPlans;
import app.comptoir.support.IntegrationTest;

/**
 * A transaction begun inside {@link GenericPlans#during} has PostgreSQL keep its prepared statements' generic plans;
 * any other transaction leaves the choice to PostgreSQL, and the setting does not outlive its transaction.
 */
@IntegrationTest
class GenericPlansIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String planCacheModeInATransaction() {
        return new TransactionTemplate(transactionManager).execute(status ->
                jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class));
    }

    @Test
    void onlyTheTransactionsAskedForUseGenericPlans() {
        assertThat(GenericPlans.during(this::planCacheModeInATransaction)).isEqualTo("force_generic_plan");
        assertThat(GenericPlans.active()).isFalse();
        // The next transaction on the same pool's connections is back to PostgreSQL's own choice.
        for (int i = 0; i < 20; i++) {
            assertThat(planCacheModeInATransaction()).isEqualTo("auto");
        }
    }
}
