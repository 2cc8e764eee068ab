package app.comptoir.platform.security;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff web sessions are stored in PostgreSQL by Spring Session JDBC (tables of migration V57), so that a browser
 * signed in on one node is signed in on every node and signing out on one ends it on all. Spring Session reads and
 * writes them in short transactions of its own (a new one each time, never joining a business transaction), on plain
 * JDBC: through the application's JPA transaction manager, a session first read inside a business transaction (the
 * security context is loaded lazily) nested a second JPA transaction on the same thread, which that manager refuses.
 */
@Configuration(proxyBeanMethods = false)
class WebSessionStore {

    /** Not a default candidate: the application's own {@code TransactionTemplate} stays Boot's, on its JPA manager. */
    @Bean(defaultCandidate = false)
    TransactionOperations springSessionTransactionOperations(DataSource dataSource) {
        TransactionTemplate template = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
