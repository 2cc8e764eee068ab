package app.comptoir.inventory.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AlertRuleRepository extends JpaRepository<AlertRule, UUID> {

    List<AlertRule> findByTenantIdOrderByType(UUID tenantId);

    Optional<AlertRule> findByTenantIdAndId(UUID tenantId, UUID id);

    boolean existsByTenantIdAndType(UUID tenantId, AlertType type);
}
