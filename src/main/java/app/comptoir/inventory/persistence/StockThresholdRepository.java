package app.comptoir.inventory.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import app.comptoir.inventory.domain.StockThreshold;

public interface StockThresholdRepository extends JpaRepository<StockThreshold, UUID> {

    Optional<StockThreshold> findByTenantIdAndVariantId(UUID tenantId, UUID variantId);
}
