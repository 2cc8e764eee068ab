package app.comptoir.payments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.payments.persistence.ProviderAccountStore;
import app.comptoir.payments.provider.PaymentProvider;
import app.comptoir.payments.provider.ProviderAccount;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.NodeMemory;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.SecretSeal;

/**
 * Each business's accounts with the online providers: the secrets it enters (checked by the provider, sealed with
 * {@link SecretSeal} before they are stored, never shown again, not even to an admin), what may be shown of them
 * (configured, the key's last four characters, test or live mode), and the account opened for one call to the
 * provider. Admins change them (SETTINGS_MANAGE); every role may see the status.
 */
@Service
public class ProviderAccounts {

    private static final Logger log = LoggerFactory.getLogger(ProviderAccounts.class);
    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {
    };

    /** What may be shown of a business's account with a provider. */
    public record Status(String provider, String name, boolean configured, boolean readable, String hint,
                         boolean testMode, Instant updatedAt, List<String> secretNames) {
    }

    /** The provider a business takes online payments with, and its opened account. */
    public record Active(PaymentProvider provider, ProviderAccount account) {
    }

    private final ProviderAccountStore store;
    private final SecretSeal seal;
    private final Providers providers;
    private final PaymentsActor actor;
    private final AuditRecorder audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final TransactionTemplate readOnly;
    private final CacheEvictions evictions;
    private static final String TEST_MODES = "payment-test-mode";
    /**
     * Per-node answer of "test keys?" for the banner of every page; changes on this node clear it at once, on the
     * other nodes a moment after the commit ({@link CacheEvictions}).
     */
    private final Cache<UUID, Boolean> testModes = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(10_000).build();

    ProviderAccounts(ProviderAccountStore store, SecretSeal seal, Providers providers, PaymentsActor actor,
                     AuditRecorder audit, Clock clock, PlatformTransactionManager transactions,
                     CacheEvictions evictions) {
        this.evictions = evictions;
        evictions.onForget(TEST_MODES, t -> testModes.invalidate(UUID.fromString(t)), testModes::invalidateAll);
        this.store = store;
        this.seal = seal;
        this.providers = providers;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The status of the business's account with each provider. */
    @Transactional(readOnly = true)
    public List<Status> statuses() {
        return providers.all().stream().map(p -> status(p.id())).toList();
    }

    /** The status of the business's account with a provider. */
    @Transactional(readOnly = true)
    public Status status(String providerId) {
        PaymentProvider provider = provider(providerId);
        UUID tenant = actor.tenant();
        return store.find(tenant, provider.id())
                .map(s -> new Status(provider.id(), provider.displayName(), true, readable(tenant, s), s.hint(),
                        s.testMode(), s.updatedAt(), provider.secretNames()))
                .orElse(new Status(provider.id(), provider.displayName(), false, false, null, false, null,
                        provider.secretNames()));
    }

    /** Enters (or replaces) the business's secrets for a provider (SETTINGS_MANAGE); answers the new status. */
    @Transactional
    public Status configure(String providerId, Map<String, String> secrets) {
        actor.require(Permission.SETTINGS_MANAGE);
        PaymentProvider provider = provider(providerId);
        Map<String, String> entered = new LinkedHashMap<>();
        for (String name : provider.secretNames()) {
            String value = secrets == null ? null : secrets.get(name);
            entered.put(name, value == null ? null : value.strip());
        }
        ProviderAccount.Check check = provider.check(entered);
        UUID tenant = actor.tenant();
        Optional<ProviderAccountStore.Stored> before = store.find(tenant, provider.id());
        SecretSeal.Sealed sealed = seal.seal(json.writeValueAsString(entered), associatedData(tenant, provider.id()));
        store.save(tenant, provider.id(), sealed, check.hint(), check.testMode(), clock.instant(), actor.userId());
        // What was entered is never written to the audit log: only what may be shown of it.
        audit.record("payment_provider_account", tenant, before.isPresent() ? "UPDATE" : "CREATE",
                before.map(b -> Map.<String, Object>of("provider", provider.id(), "hint", b.hint(), "testMode", b.testMode()))
                        .orElse(null),
                Map.of("provider", provider.id(), "hint", check.hint(), "testMode", check.testMode()));
        testModes.invalidate(tenant);
        evictions.forget(TEST_MODES, tenant.toString());
        return status(provider.id());
    }

    /** Removes the business's account with a provider (SETTINGS_MANAGE): online payments stop being offered. */
    @Transactional
    public void remove(String providerId) {
        actor.require(Permission.SETTINGS_MANAGE);
        PaymentProvider provider = provider(providerId);
        UUID tenant = actor.tenant();
        Optional<ProviderAccountStore.Stored> before = store.find(tenant, provider.id());
        if (store.delete(tenant, provider.id())) {
            audit.record("payment_provider_account", tenant, "DELETE",
                    Map.of("provider", provider.id(), "hint", before.map(ProviderAccountStore.Stored::hint).orElse(""),
                            "testMode", before.map(ProviderAccountStore.Stored::testMode).orElse(false)), null);
        }
        testModes.invalidate(tenant);
        evictions.forget(TEST_MODES, tenant.toString());
    }

    /** The business's account with a provider, opened for a call; empty when not configured or not readable. */
    @Transactional(readOnly = true)
    public Optional<ProviderAccount> open(String providerId) {
        UUID tenant = actor.tenant();
        return store.find(tenant, providerId).flatMap(stored -> open(tenant, stored));
    }

    /** The provider the business takes online payments with (the first configured one), if any. */
    @Transactional(readOnly = true)
    public Optional<Active> active() {
        for (PaymentProvider provider : providers.all()) {
            Optional<ProviderAccount> account = open(provider.id());
            if (account.isPresent()) {
                return Optional.of(new Active(provider, account.get()));
            }
        }
        return Optional.empty();
    }

    /** Whether the business's online payments run with test keys (cached on this node for 30 s). */
    public boolean testMode() {
        UUID tenant = actor.tenant();
        return NodeMemory.get(testModes, tenant, t -> readOnly.execute(s -> providers.all().stream()
                .anyMatch(p -> store.find(t, p.id()).map(ProviderAccountStore.Stored::testMode).orElse(false))));
    }

    private Optional<ProviderAccount> open(UUID tenant, ProviderAccountStore.Stored stored) {
        try {
            Map<String, String> secrets = json.readValue(seal.open(stored.secrets(), associatedData(tenant,
                    stored.provider())), SECRETS);
            return Optional.of(new ProviderAccount(stored.provider(), secrets, stored.testMode()));
        } catch (SecretSeal.Unreadable e) {
            log.warn("The {} keys of business {} cannot be opened: {}", stored.provider(), tenant, e.getMessage());
            return Optional.empty();
        }
    }

    private boolean readable(UUID tenant, ProviderAccountStore.Stored stored) {
        return open(tenant, stored).isPresent();
    }

    private PaymentProvider provider(String id) {
        return providers.find(id).orElseThrow(() -> new NotFoundException("Payment provider", id));
    }

    /** What a sealed value is bound to: a value copied into another business's or provider's row does not open. */
    private static String associatedData(UUID tenant, String provider) {
        return "payment_provider_accounts:" + tenant + ":" + provider;
    }
}
