package app.comptoir.assistant.application;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.assistant.persistence.AssistantStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.OutboundTargets;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.SecretSeal;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;

/**
 * A business's model provider: its own (provider, model, address, API key, prices) or, while it has set none, the
 * deployment's. The API key is sealed with the assistant's key before it is stored, bound to the business, and is
 * never shown again: the settings say only whether one is set and its last four characters.
 */
@Service
public class ProviderSettings {

    /** The settings as the API shows them, with the provider in effect and the business's counters. */
    public record View(ProviderKind provider, String model, String baseUrl, boolean apiKeySet, String apiKeyHint,
                       BigDecimal pricePer1kInputTokens, BigDecimal pricePer1kOutputTokens,
                       ProviderKind effectiveProvider, String effectiveModel, boolean ownProviderAllowed,
                       Usage usage) {
    }

    /** What the provider cost the business: tokens sent and received, and their cost in {@code costCurrency}. */
    public record Usage(long tokensIn, long tokensOut, BigDecimal cost, String costCurrency) {
    }

    /**
     * The business's own settings; {@code provider} null goes back to the deployment's. {@code apiKey} null keeps
     * the stored key, blank removes it. Prices per thousand tokens null: the deployment's.
     */
    public record Change(ProviderKind provider, String model, String baseUrl, String apiKey,
                         BigDecimal pricePer1kInputTokens, BigDecimal pricePer1kOutputTokens) {
    }

    private static final BigDecimal MAX_PRICE = BigDecimal.valueOf(1000);

    private final AssistantStore store;
    private final AssistantSettings deployment;
    private final SecretSeal seal;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final AuditRecorder audit;
    private final Clock clock;

    /** Where a business's own provider may be: never the server's own network (see {@link OutboundTargets}). */
    private final OutboundTargets targets;

    ProviderSettings(AssistantStore store, AssistantSettings deployment, ComptoirProperties properties,
                     TenantContext tenantContext, Permissions permissions, AuditRecorder audit, Clock clock) {
        this.store = store;
        this.deployment = deployment;
        this.targets = OutboundTargets.resolvingWithDns("a business's assistant provider",
                deployment.businessPrivateAddresses());
        this.seal = new SecretSeal("comptoir.assistant", deployment.encryptionKey(),
                deployment.previousEncryptionKeys(), properties.dataDir().resolve("assistant-encryption.key"));
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The provider the current business's descriptions are written by (its own, else the deployment's). */
    @Transactional(readOnly = true)
    public ProviderConfig current() {
        UUID tenant = tenantContext.requireTenant();
        AssistantStore.Settings own = store.settings(tenant).orElse(null);
        BigDecimal priceIn = own != null && own.pricePer1kIn() != null ? own.pricePer1kIn()
                : deployment.pricePer1kInputTokens();
        BigDecimal priceOut = own != null && own.pricePer1kOut() != null ? own.pricePer1kOut()
                : deployment.pricePer1kOutputTokens();
        if (own != null && own.provider() != null && deployment.businessProviders()) {
            ProviderKind kind = ProviderKind.parse(own.provider());
            String key = null;
            if (own.apiKeySealed() != null) {
                try {
                    key = seal.open(new SecretSeal.Sealed(own.keyId(), own.apiKeySealed()), associated(tenant));
                } catch (SecretSeal.Unreadable e) {
                    throw new ProviderUnavailable(kind.key(), e);
                }
            }
            if (own.baseUrl() != null) {
                // Its name may point elsewhere since it was saved: the server's own network is never called.
                targets.problemAtDelivery(own.baseUrl()).ifPresent(problem -> {
                    throw ProviderUnavailable.refusedAddress(kind.key(), problem);
                });
            }
            return new ProviderConfig(kind, own.model(), own.baseUrl(), key, deployment.timeout(),
                    deployment.maxRetries(), priceIn, priceOut, own.version() + 1);
        }
        ProviderKind kind = ProviderKind.parse(deployment.provider());
        return new ProviderConfig(kind, deployment.model(), deployment.baseUrl(), blankToNull(deployment.apiKey()),
                deployment.timeout(), deployment.maxRetries(), priceIn, priceOut, 0);
    }

    /** The currency the costs are counted in. */
    public String costCurrency() {
        return deployment.costCurrency();
    }

    @Transactional(readOnly = true)
    public View view() {
        permissions.require(Permission.SETTINGS_MANAGE);
        UUID tenant = tenantContext.requireTenant();
        AssistantStore.Settings own = store.settings(tenant).orElse(null);
        ProviderConfig effective = current();
        AssistantStore.Usage usage = store.usage(tenant);
        return new View(own == null || own.provider() == null ? null : ProviderKind.parse(own.provider()),
                own == null ? null : own.model(), own == null ? null : own.baseUrl(),
                own != null && own.apiKeySealed() != null, own == null ? null : own.keyHint(),
                own == null ? null : own.pricePer1kIn(), own == null ? null : own.pricePer1kOut(),
                effective.kind(), effective.kind() == ProviderKind.BUILTIN ? null : effective.model(),
                deployment.businessProviders(),
                new Usage(usage.tokensIn(), usage.tokensOut(), usage.cost(), deployment.costCurrency()));
    }

    @Transactional
    public View change(Change change) {
        permissions.require(Permission.SETTINGS_MANAGE);
        UUID tenant = tenantContext.requireTenant();
        List<FieldError> errors = new ArrayList<>();
        ProviderKind provider = change.provider();
        if (provider != null && provider != ProviderKind.BUILTIN && !deployment.businessProviders()) {
            errors.add(new FieldError("provider", "this deployment does not let a business choose its own provider"));
        }
        String model = text(change.model(), "model", 200, errors);
        String baseUrl = text(change.baseUrl(), "baseUrl", 500, errors);
        String apiKey = change.apiKey() == null ? null : change.apiKey().strip();
        if (apiKey != null && (apiKey.length() > 500 || TextInput.hasControlCharacter(apiKey))) {
            errors.add(new FieldError("apiKey", "must be at most 500 characters, without control characters"));
        }
        if (baseUrl != null && !httpAddress(baseUrl)) {
            errors.add(new FieldError("baseUrl", "must be an http or https address"));
        } else if (baseUrl != null) {
            targets.problemAtRegistration(baseUrl).ifPresent(problem -> errors.add(new FieldError("baseUrl", problem)));
        }
        if (provider == ProviderKind.OPENAI || provider == ProviderKind.OLLAMA) {
            if (model == null) {
                errors.add(new FieldError("model", "is required for this provider"));
            }
            if (baseUrl == null) {
                errors.add(new FieldError("baseUrl", "is required for this provider"));
            }
        }
        price(change.pricePer1kInputTokens(), "pricePer1kInputTokens", errors);
        price(change.pricePer1kOutputTokens(), "pricePer1kOutputTokens", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The assistant settings are not valid.", errors);
        }
        AssistantStore.Settings before = store.settings(tenant).orElse(null);
        byte[] sealed = before == null ? null : before.apiKeySealed();
        String keyId = before == null ? null : before.keyId();
        String hint = before == null ? null : before.keyHint();
        if (apiKey != null) {
            if (apiKey.isEmpty()) {
                sealed = null;
                keyId = null;
                hint = null;
            } else {
                SecretSeal.Sealed s = seal.seal(apiKey, associated(tenant));
                sealed = s.bytes();
                keyId = s.keyId();
                hint = apiKey.length() <= 8 ? "…" : "…" + apiKey.substring(apiKey.length() - 4);
            }
        }
        ComptoirPrincipal actor = tenantContext.principal().orElse(null);
        store.saveSettings(tenant, new AssistantStore.Settings(provider == null ? null : provider.key(), model, baseUrl,
                        sealed, keyId, hint, change.pricePer1kInputTokens(), change.pricePer1kOutputTokens(), 0,
                        clock.instant()),
                clock.instant(), actor == null ? null : actor.userId());
        audit.record("assistant_settings", tenant, before == null ? "CREATE" : "UPDATE", shown(before),
                shown(store.settings(tenant).orElseThrow()));
        return view();
    }

    /** What the audit trail shows of the settings: never the key, only whether one is set. */
    private static Map<String, Object> shown(AssistantStore.Settings s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", s.provider());
        values.put("model", s.model());
        values.put("baseUrl", s.baseUrl());
        values.put("apiKey", s.apiKeySealed() == null ? null : s.keyHint());
        values.put("pricePer1kInputTokens", s.pricePer1kIn());
        values.put("pricePer1kOutputTokens", s.pricePer1kOut());
        return values;
    }

    private static String associated(UUID tenant) {
        return tenant + ":assistant";
    }

    private static boolean httpAddress(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        String v = blankToNull(value);
        if (v != null && (v.length() > max || TextInput.hasControlCharacter(v))) {
            errors.add(new FieldError(field, "must be at most " + max + " characters, without control characters"));
        }
        return v;
    }

    private static void price(BigDecimal price, String field, List<FieldError> errors) {
        if (price != null && (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0
                || Math.max(0, price.stripTrailingZeros().scale()) > 6)) {
            errors.add(new FieldError(field, "must be between 0 and 1000, with at most 6 decimals"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
