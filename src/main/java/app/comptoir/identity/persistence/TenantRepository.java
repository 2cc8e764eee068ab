package app.comptoir.identity.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import app.comptoir.identity.domain.Tenant;

public interface TenantRepository extends JpaRepository<Tenant, UUID> {

    boolean existsBySlug(String slug);

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, UUID id);

    /** The addresses of the merchants (not registered suppliers) that have this module on, in address order. */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
            select slug from tenants where kind = 'MERCHANT' and cast(:module as text) = any(enabled_modules) order by slug""")
    java.util.List<String> merchantSlugsWith(@org.springframework.data.repository.query.Param("module") String module);
}
