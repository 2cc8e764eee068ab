package app.comptoir.inventory.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StockThresholdRepository extends JpaRepository<StockThreshold, UUID> {

    Optional<StockThreshold> findByTenantIdAndVariantId(UUID tenantId, UUID variantId);
}
