package app.comptoir.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import app.comptoir.identity.domain.UserAccount;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    @Query("select u from UserAccount u where u.tenantId = ?1 and u.id = ?2 and u.deletedAt is null")
    Optional<UserAccount> findLive(UUID tenantId, UUID id);

    @Query(value = """
            select * from users u
            where u.tenant_id = :tenant and u.deleted_at is null
              and (cast(:role as text) is null or cast(:role as text) = any(u.roles))
              and (cast(:q as text) is null or lower(u.name) like cast(:q as text) or lower(u.email) like cast(:q as text))
              and (cast(:enabled as boolean) is null or u.enabled = cast(:enabled as boolean))
            """,
            countQuery = """
            select count(*) from users u
            where u.tenant_id = :tenant and u.deleted_at is null
              and (cast(:role as text) is null or cast(:role as text) = any(u.roles))
              and (cast(:q as text) is null or lower(u.name) like cast(:q as text) or lower(u.email) like cast(:q as text))
              and (cast(:enabled as boolean) is null or u.enabled = cast(:enabled as boolean))
            """,
            nativeQuery = true)
    Page<UserAccount> search(UUID tenant, String role, String q, Boolean enabled, Pageable pageable);

    /**
     * Records a login in one statement outside the entity's version, so parallel logins of one account
     * (two devices) never conflict; the last writer wins, which is what "last login" means.
     */
    @Modifying
    @Query(value = "update users set last_login_at = ?3 where tenant_id = ?1 and id = ?2", nativeQuery = true)
    void recordLogin(UUID tenantId, UUID id, Instant at);

    /**
     * Replaces a hash of an older scheme by one of the current scheme, for the same password, in one
     * guarded statement (a parallel login that already upgraded it wins, nothing conflicts).
     */
    @Modifying
    @Query(value = "update users set password_hash = ?4 where tenant_id = ?1 and id = ?2 and password_hash = ?3",
            nativeQuery = true)
    void upgradePasswordHash(UUID tenantId, UUID id, String oldHash, String newHash);

    @Query(value = """
            select count(*) from users u
            where u.tenant_id = ?1 and u.deleted_at is null and u.enabled and 'ADMIN' = any(u.roles)
            """, nativeQuery = true)
    long countActiveAdmins(UUID tenantId);
}
