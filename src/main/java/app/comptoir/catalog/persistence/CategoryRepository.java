package app.comptoir.catalog.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import app.comptoir.catalog.domain.Category;

public interface CategoryRepository extends JpaRepository<Category, UUID> {

    Optional<Category> findByTenantIdAndId(UUID tenantId, UUID id);

    @Query("select c from Category c where c.tenantId = ?1 order by c.position, lower(c.name)")
    List<Category> findAllOrdered(UUID tenantId);

    @Query("""
            select c from Category c where c.tenantId = ?1
              and ((?2 is null and c.parentId is null) or c.parentId = ?2)
            order by c.position, lower(c.name)""")
    List<Category> findSiblings(UUID tenantId, UUID parentId);

    @Query("""
            select count(c) > 0 from Category c where c.tenantId = ?1
              and ((?2 is null and c.parentId is null) or c.parentId = ?2)
              and lower(c.name) = lower(?3) and c.id <> ?4""")
    boolean siblingNamed(UUID tenantId, UUID parentId, String name, UUID exceptId);

    boolean existsByTenantIdAndParentId(UUID tenantId, UUID parentId);

    // Native queries: the entity's "deleted_at is null" restriction does not apply to them.
    @Query(value = "select * from categories where tenant_id = ?1 and id = ?2 and deleted_at is not null",
            nativeQuery = true)
    Optional<Category> findDeleted(UUID tenantId, UUID id);

    @Query(value = "select * from categories where tenant_id = ?1 and deleted_at is not null order by deleted_at desc",
            nativeQuery = true)
    List<Category> findAllDeleted(UUID tenantId);
}
