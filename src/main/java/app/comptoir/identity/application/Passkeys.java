package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.persistence.PasskeyStore;
import app.comptoir.identity.persistence.PasskeyStore.Credential;
import app.comptoir.identity.persistence.PasskeyStore.Owner;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PasskeyAccounts;
import app.comptoir.platform.TenantContext;

/**
 * The passkeys (WebAuthn) users sign in with, and Spring Security's stores for them.
 *
 * <p>A passkey sign-in starts before the business is known, so the passkeys live in global tables that name
 * the business (like the login directory): the user handle the authenticator presents leads to the business
 * and the user, and the account is then read as it is now. A disabled or deleted account's passkeys sign
 * nobody in. Passkeys survive a password change and "sign out everywhere" (they are a separate credential,
 * which the user removes from the account page); each passkey sign-in is a fresh sign-in at the account's
 * current token version. Their owners (user handles) are {@link PasskeyUsers}.
 */
@Service
public class Passkeys implements PasskeyAccounts, UserCredentialRepository {

    static final int MAX_LABEL = 120;

    /** A passkey as its owner sees it on the account page. */
    public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private final PasskeyStore store;
    private final UserAccountRepository users;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    Passkeys(PasskeyStore store, UserAccountRepository users, TenantContext tenantContext,
             PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.users = users;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @Override
    public Optional<ComptoirPrincipal> signIn(String userHandle) {
        Optional<Owner> owner = userHandle == null ? Optional.empty() : store.ownerByHandle(userHandle);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        UUID tenant = owner.get().tenantId();
        UUID userId = owner.get().userId();
        return tenantContext.callAs(tenant, () -> tx.execute(status -> {
            Optional<ComptoirPrincipal> principal = users.findLive(tenant, userId).filter(u -> u.isEnabled())
                    .map(Logins::principalOf);
            // A sign-in like a password one: the team list shows it as the last login.
            principal.ifPresent(p -> users.recordLogin(tenant, userId, clock.instant()));
            return principal;
        }));
    }

    /** The signed-in user's passkeys, most recently used first. */
    public List<Passkey> mine(ComptoirPrincipal me) {
        return store.credentialsOfUser(me.tenantId(), me.userId()).stream()
                .map(c -> new Passkey(c.credentialId(), c.label(), c.createdAt(), c.lastUsedAt())).toList();
    }

    /** Removes one of the signed-in user's passkeys (404 when they have none of that id). */
    public void remove(ComptoirPrincipal me, String credentialId) {
        if (credentialId == null || !store.deleteCredential(me.tenantId(), me.userId(), credentialId)) {
            throw new NotFoundException("Passkey", String.valueOf(credentialId));
        }
    }

    // --- Spring Security's credential records ---

    @Override
    public void delete(Bytes credentialId) {
        store.deleteCredential(credentialId.toBase64UrlString());
    }

    @Override
    public void save(CredentialRecord record) {
        String handle = record.getUserEntityUserId().toBase64UrlString();
        Owner owner = store.ownerByHandle(handle)
                .orElseThrow(() -> new IllegalStateException("No passkey owner for this credential"));
        Optional<Credential> existing = store.credential(record.getCredentialId().toBase64UrlString());
        // A new passkey has not signed anyone in yet; a known one is being used right now.
        Instant lastUsed = existing.isPresent() ? clock.instant() : null;
        Instant created = existing.map(Credential::createdAt).orElse(clock.instant());
        store.save(new Credential(record.getCredentialId().toBase64UrlString(), handle, owner.tenantId(),
                owner.userId(), record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
                : record.getCredentialType().getValue(), record.getPublicKey().getBytes(),
                record.getSignatureCount(), record.isUvInitialized(), record.isBackupEligible(),
                record.isBackupState(), record.getTransports().stream().map(AuthenticatorTransport::getValue)
                .collect(Collectors.joining(",")), bytes(record.getAttestationObject()),
                bytes(record.getAttestationClientDataJSON()),
                existing.map(Credential::label).orElseGet(() -> label(record.getLabel())), created, lastUsed));
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.credential(credentialId.toBase64UrlString()).map(Passkeys::record).orElse(null);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.credentialsOfHandle(userId.toBase64UrlString()).stream().map(Passkeys::record).toList();
    }

    /** The name the user gave the passkey, without control characters, within the column; a default if blank. */
    static String label(String typed) {
        String cleaned = typed == null ? "" : typed.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (cleaned.isEmpty()) {
            return "Clé d'accès";
        }
        return cleaned.length() > MAX_LABEL ? cleaned.substring(0, MAX_LABEL) : cleaned;
    }

    private static byte[] bytes(Bytes bytes) {
        return bytes == null ? null : bytes.getBytes();
    }

    private static CredentialRecord record(Credential c) {
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.valueOf(c.type()))
                .credentialId(Bytes.fromBase64(c.credentialId()))
                .userEntityUserId(Bytes.fromBase64(c.userHandle()))
                .publicKey(new ImmutablePublicKeyCose(c.publicKey()))
                .signatureCount(c.signatureCount())
                .uvInitialized(c.uvInitialized())
                .transports(Arrays.stream(c.transports().split(",")).filter(t -> !t.isBlank())
                        .map(AuthenticatorTransport::valueOf).collect(Collectors.toSet()))
                .backupEligible(c.backupEligible())
                .backupState(c.backupState())
                .attestationObject(c.attestationObject() == null ? null : new Bytes(c.attestationObject()))
                .attestationClientDataJSON(c.attestationClientDataJson() == null ? null
                        : new Bytes(c.attestationClientDataJson()))
                .created(c.createdAt())
                .lastUsed(c.lastUsedAt() == null ? c.createdAt() : c.lastUsedAt())
                .label(c.label())
                .build();
    }
}
