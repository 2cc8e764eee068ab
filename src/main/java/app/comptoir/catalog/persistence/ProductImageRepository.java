package app.comptoir.catalog.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import app.comptoir.catalog.domain.ProductImage;

public interface ProductImageRepository extends JpaRepository<ProductImage, UUID> {

    @Query("select i from ProductImage i where i.tenantId = ?1 and i.productId = ?2 order by i.position, i.id")
    List<ProductImage> findByProduct(UUID tenantId, UUID productId);

    @Query("select i from ProductImage i where i.tenantId = ?1 and i.productId = ?2 and i.id = ?3")
    Optional<ProductImage> findOne(UUID tenantId, UUID productId, UUID id);

    @Query("select coalesce(max(i.position), -1) from ProductImage i where i.tenantId = ?1 and i.productId = ?2")
    int maxPosition(UUID tenantId, UUID productId);

    @Query("select i.id from ProductImage i where i.tenantId = ?1 and i.id in ?2")
    List<UUID> existing(UUID tenantId, java.util.Collection<UUID> ids);

    @Query("select count(i) from ProductImage i where i.tenantId = ?1 and i.productId = ?2")
    long countByProduct(UUID tenantId, UUID productId);
}
