package app.comptoir.assistant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.assistant.application.ChatModels;
import app.comptoir.assistant.application.ProviderConfig;
import app.comptoir.assistant.application.ProviderKind;
import app.comptoir.assistant.application.ProviderSettings;
import app.comptoir.assistant.domain.BuiltinWriter;
import app.comptoir.assistant.domain.CacheKey;
import app.comptoir.assistant.domain.Costs;
import app.comptoir.assistant.domain.DescriptionPrompt;
import app.comptoir.assistant.domain.ProductFacts;
import app.comptoir.assistant.persistence.AssistantStore;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.catalog.VariantView;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * Writes product descriptions for the current business: from the cache when the same facts were already described
 * the same way by the same writer, else by the business's provider (or the built-in writer), then cached. Staff
 * who may change the catalog generate; every role may read the cache's figures. No transaction is held while a
 * provider writes: the cache is read, then written, in two short ones.
 */
@Service
public class ProductDescriptions {

    private final CatalogQueries catalog;
    private final Tenants tenants;
    private final ProviderSettings settings;
    private final ChatModels models;
    private final AssistantStore store;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProductDescriptions(CatalogQueries catalog, Tenants tenants, ProviderSettings settings, ChatModels models,
                        AssistantStore store, TenantContext tenantContext, Permissions permissions,
                        PlatformTransactionManager transactions, Clock clock) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.settings = settings;
        this.models = models;
        this.store = store;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The description asked for, from the cache or written now. */
    public GeneratedDescription describe(DescriptionRequest request) {
        return write(request, true);
    }

    /**
     * The description asked for, written anew whatever the cache holds (a provider writes another text; the built-in
     * writer the same one); it replaces the cached one.
     */
    public GeneratedDescription regenerate(DescriptionRequest request) {
        return write(request, false);
    }

    private GeneratedDescription write(DescriptionRequest request, boolean fromCache) {
        permissions.require(Permission.CATALOG_WRITE);
        if (request.productId() == null && request.variantId() == null) {
            throw InvalidInputException.field("productId", "productId or variantId is required");
        }
        UUID tenant = tenantContext.requireTenant();
        TenantProfile business = tenants.current();
        ProductView product;
        VariantView variant = null;
        if (request.variantId() != null) {
            VariantSummary summary = catalog.variant(request.variantId())
                    .orElseThrow(() -> new NotFoundException("variant", request.variantId()));
            if (request.productId() != null && !request.productId().equals(summary.productId())) {
                throw InvalidInputException.field("variantId", "is not a variant of the product productId");
            }
            product = catalog.product(summary.productId())
                    .orElseThrow(() -> new NotFoundException("variant", request.variantId()));
            variant = product.variants().stream().filter(v -> v.id().equals(request.variantId())).findFirst()
                    .orElseThrow(() -> new NotFoundException("variant", request.variantId()));
        } else {
            product = catalog.product(request.productId())
                    .orElseThrow(() -> new NotFoundException("product", request.productId()));
        }
        TargetPlatform platform = Objects.requireNonNullElse(request.platform(), TargetPlatform.SHOP);
        Tone tone = Objects.requireNonNullElse(request.tone(), Tone.FRIENDLY);
        Length length = Objects.requireNonNullElse(request.length(), Length.MEDIUM);
        Language language = request.language() != null ? request.language()
                : business.locale() != null && business.locale().startsWith("en") ? Language.EN : Language.FR;

        ProductFacts facts = facts(product, variant, business.currency());
        ProviderConfig provider = settings.current();
        String key = CacheKey.of(facts, platform, tone, length, language, provider.writer());
        String currency = settings.costCurrency();

        Optional<AssistantStore.Cached> cached = !fromCache ? Optional.empty() : transaction.execute(status -> {
            Optional<AssistantStore.Cached> hit = store.hit(tenant, key, clock.instant());
            hit.ifPresent(c -> store.countHit(tenant, c.tokensIn() + c.tokensOut(), c.cost(), clock.instant()));
            return hit;
        });
        if (cached.isPresent()) {
            AssistantStore.Cached c = cached.get();
            return new GeneratedDescription(c.description(), true, c.provider(), c.model(), 0, 0, 0,
                    BigDecimal.ZERO.setScale(6, RoundingMode.UNNECESSARY), currency);
        }

        String text;
        int in = 0;
        int out = 0;
        if (provider.kind() == ProviderKind.BUILTIN) {
            text = BuiltinWriter.write(facts, platform, tone, length, language);
        } else {
            ChatModels.Answer answer = models.call(provider,
                    DescriptionPrompt.of(facts, platform, tone, length, language));
            text = answer.text();
            in = answer.tokensIn();
            out = answer.tokensOut();
        }
        BigDecimal cost = provider.kind() == ProviderKind.BUILTIN ? BigDecimal.ZERO.setScale(6, RoundingMode.UNNECESSARY)
                : Costs.of(in, out, provider.pricePer1kIn(), provider.pricePer1kOut());
        String model = provider.kind() == ProviderKind.BUILTIN ? null : provider.model();
        UUID actor = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        Instant now = clock.instant();
        int tokensIn = in;
        int tokensOut = out;
        transaction.executeWithoutResult(status -> {
            store.keep(tenant, new AssistantStore.NewEntry(key, product.id(), request.variantId(), platform.name(),
                    tone.name(), length.name(), language.name(), provider.kind().key(), model, text, tokensIn,
                    tokensOut, cost), !fromCache, now, actor);
            store.countMiss(tenant, tokensIn, tokensOut, cost, now);
        });
        return new GeneratedDescription(text, false, provider.kind().key(), model, in + out, in, out, cost, currency);
    }

    /** The cache's figures for the current business. */
    public CacheStats cacheStats() {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        return transaction.execute(status -> {
            AssistantStore.Usage usage = store.usage(tenant);
            long total = usage.hits() + usage.misses();
            double rate = total == 0 ? 0 : Math.round(usage.hits() * 10000.0 / total) / 10000.0;
            return new CacheStats(usage.hits(), usage.misses(), rate, usage.tokensSaved(), usage.costSaved(),
                    settings.costCurrency(), store.entries(tenant));
        });
    }

    private ProductFacts facts(ProductView product, VariantView variant, String currency) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (ProductOption option : product.options()) {
            options.put(option.name(), option.values());
        }
        List<BigDecimal> prices = (variant != null ? List.of(variant) : product.variants()).stream()
                .filter(v -> v.price() != null && (v == variant || v.active()))
                .map(VariantView::price).sorted().toList();
        return new ProductFacts(product.name(), blankToNull(product.brand()), categoryName(product.categoryId()),
                blankToNull(product.unit()), product.tags(), options, variant == null ? Map.of() : variant.options(),
                prices.isEmpty() ? null : prices.getFirst(), prices.isEmpty() ? null : prices.getLast(), currency);
    }

    private String categoryName(UUID categoryId) {
        if (categoryId == null) {
            return null;
        }
        return find(catalog.categories(), categoryId);
    }

    private static String find(List<CategoryNode> nodes, UUID id) {
        for (CategoryNode node : nodes) {
            if (node.id().equals(id)) {
                return node.name();
            }
            String below = find(node.children(), id);
            if (below != null) {
                return below;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
