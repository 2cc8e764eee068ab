package app.comptoir.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.ComptoirProperties;

/** Connects to the PostgreSQL named by {@code COMPTOIR_DB_URL}, {@code _USER} and {@code _PASSWORD}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${comptoir.db.url:}'.trim() != ''")
class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(ComptoirProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.db().url());
        config.setUsername(properties.db().user());
        config.setPassword(properties.db().password());
        config.setMaximumPoolSize(properties.db().connections());
        config.setPoolName("comptoir");
        return new HikariDataSource(config);
    }
}
