package app.comptoir.identity.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import app.comptoir.identity.domain.RefreshToken;

public interface RefreshTokenRepository extends JpaRepository<RefreshToken, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from RefreshToken t where t.tenantId = ?1 and t.id = ?2")
    Optional<RefreshToken> lock(UUID tenantId, UUID id);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = ?3 where t.tenantId = ?1 and t.familyId = ?2 and t.revokedAt is null")
    int revokeFamily(UUID tenantId, UUID familyId, Instant at);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = ?3 where t.tenantId = ?1 and t.userId = ?2 and t.revokedAt is null")
    int revokeAllOfUser(UUID tenantId, UUID userId, Instant at);
}
