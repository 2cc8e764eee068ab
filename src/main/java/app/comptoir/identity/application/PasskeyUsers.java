package app.comptoir.identity.application;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.persistence.PasskeyStore;
import app.comptoir.identity.persistence.PasskeyStore.Owner;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.PasskeyAccounts;
import app.comptoir.platform.TenantContext;

/**
 * The users who have passkeys, as Spring Security's WebAuthn user entities: each Comptoir user gets a random
 * user handle (never the user id) the authenticators keep, leading back to the business and the user.
 */
@Service
public class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

    private final PasskeyStore store;
    private final UserAccountRepository users;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    PasskeyUsers(PasskeyStore store, UserAccountRepository users, TenantContext tenantContext,
                 PlatformTransactionManager txManager) {
        this.store = store;
        this.users = users;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
    }

    @Override
    public PublicKeyCredentialUserEntity findById(Bytes id) {
        return store.ownerByHandle(id.toBase64UrlString()).map(PasskeyUsers::entity).orElse(null);
    }

    /**
     * The user entity of a signed-in user, by {@link PasskeyAccounts#userKey}; created at the first passkey,
     * with a random handle (never the user id) and the e-mail and name the phone shows in its passkey list.
     */
    @Override
    public PublicKeyCredentialUserEntity findByUsername(String username) {
        Optional<Key> key = Key.parse(username);
        if (key.isEmpty()) {
            return null;
        }
        UUID tenant = key.get().tenantId();
        UUID userId = key.get().userId();
        Optional<Owner> known = store.ownerOfUser(tenant, userId);
        if (known.isPresent()) {
            return entity(known.get());
        }
        Optional<Owner> created = tenantContext.callAs(tenant, () -> tx.execute(status -> users.findLive(tenant, userId)
                .filter(u -> u.isEnabled())
                .map(u -> new Owner(Bytes.random().toBase64UrlString(), tenant, userId, u.getEmail(), u.getName()))));
        if (created.isEmpty()) {
            return null;
        }
        store.insertOwner(created.get());
        return store.ownerOfUser(tenant, userId).map(PasskeyUsers::entity).orElse(null);
    }

    /** Only reached if {@link #findByUsername} found nobody: then there is no account to attach it to. */
    @Override
    public void save(PublicKeyCredentialUserEntity userEntity) {
        throw new IllegalStateException("Passkey owners are created from a signed-in account only");
    }

    @Override
    public void delete(Bytes id) {
        store.deleteOwner(id.toBase64UrlString());
    }

    private static PublicKeyCredentialUserEntity entity(Owner owner) {
        return ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.fromBase64(owner.userHandle()))
                .name(owner.email()).displayName(owner.name()).build();
    }

    /** A {@link PasskeyAccounts#userKey}: business and user ids. */
    private record Key(UUID tenantId, UUID userId) {
        static Optional<Key> parse(String username) {
            String[] parts = username == null ? new String[0] : username.split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Key(UUID.fromString(parts[0]), UUID.fromString(parts[1])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
