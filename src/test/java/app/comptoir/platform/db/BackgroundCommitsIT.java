package app.comptoir.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.support.IntegrationTest;

/**
 * Background work (the asynchronous event listeners, run by the application's task executor) commits without waiting
 * for the disk; what a request writes keeps the server's setting. Read inside each transaction from
 * {@code pg_settings}: a transaction-local setting shows the source {@code session}, the server's own the source it
 * was configured from.
 */
@IntegrationTest
class BackgroundCommitsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    AsyncTaskExecutor background;

    private List<String> synchronousCommitInATransaction() {
        return new TransactionTemplate(transactionManager).execute(status -> jdbc.queryForObject(
                "select source, setting from pg_settings where name = 'synchronous_commit'",
                (rs, n) -> List.of(rs.getString(1), rs.getString(2))));
    }

    @Test
    void backgroundTransactionsCommitWithoutWaitingForTheDiskAndOthersKeepTheServersSetting() throws Exception {
        List<String> inBackground = background.submit(this::synchronousCommitInATransaction).get(30, TimeUnit.SECONDS);
        assertThat(inBackground).containsExactly("session", "off");

        List<String> inARequest = synchronousCommitInATransaction();
        assertThat(inARequest.getFirst()).isNotEqualTo("session");
        String serverSetting = jdbc.queryForObject("select reset_val from pg_settings where name = 'synchronous_commit'",
                String.class);
        assertThat(inARequest.get(1)).isEqualTo(serverSetting);
    }
}
