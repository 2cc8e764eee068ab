package app.comptoir.platform.db;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.transaction.PlatformTransactionManager;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.TenantContext;

/** JPA auditing from the one clock and the signed-in user, and the tenant-aware transaction manager. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "currentActor", dateTimeProviderRef = "auditClock")
class PersistenceConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(EntityManagerFactory emf, TenantContext tenantContext) {
        return new TenantAwareTransactionManager(emf, tenantContext);
    }

    @Bean
    AuditorAware<UUID> currentActor(TenantContext tenantContext) {
        return () -> tenantContext.principal().map(ComptoirPrincipal::userId);
    }

    @Bean
    DateTimeProvider auditClock(Clock clock) {
        return () -> Optional.of(Instant.now(clock));
    }
}
