package app.comptoir.inventory.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import app.comptoir.inventory.domain.AlertRule;
import app.comptoir.inventory.domain.AlertType;

public interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    List<AlertRule> findByTenantIdOrderByType(UUID tenantId);

    Optional<AlertRule> findByTenantIdAndId(UUID tenantId, UUID id);

    boolean existsByTenantIdAndType(UUID tenantId, AlertType type);
}
