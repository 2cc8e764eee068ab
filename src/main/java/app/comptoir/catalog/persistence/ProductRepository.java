package app.comptoir.catalog.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import app.comptoir.catalog.domain.Product;

public interface ProductRepository extends JpaRepository<Product, UUID> {

    @Query("select p from Product p where p.tenantId = ?1 and p.id = ?2 and p.deletedAt is null")
    Optional<Product> findLive(UUID tenantId, UUID id);

    @Query("select p from Product p where p.tenantId = ?1 and p.slug = ?2 and p.deletedAt is null")
    Optional<Product> findLiveBySlug(UUID tenantId, String slug);
}
