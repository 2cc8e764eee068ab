package app.comptoir.storefront.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import app.comptoir.assistant.SemanticSearch;
import app.comptoir.catalog.CatalogFigures;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductFacets;
import app.comptoir.catalog.ProductCard;
import app.comptoir.catalog.ProductPicture;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.catalog.VariantView;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.NodeMemory;
import app.comptoir.platform.NotFoundException;
import app.comptoir.sales.SalesFigures;

/**
 * What a shop shows of its business's catalog, read through the catalog's published queries as the business (its
 * row-level security applies): only active products, only their active variants, never a cost. The same answers
 * feed the shop's pages and the store API, so both follow the same rules.
 */
@Service
public class ShopCatalog {

    /** Products per page of a list. */
    public static final int PAGE_SIZE = 24;
    /** How many similar products a product page shows. */
    public static final int SIMILAR_PRODUCTS = 4;
    /** How many new and best-selling products the home page shows. */
    public static final int HOME_PRODUCTS = 8;
    /** The sorts a shopper may choose; relevance only means something with a search text. */
    public static final List<String> SORTS = List.of("relevance", "name", "-name", "price", "-price", "newest");
    /** Best sellers are counted over this many past days. */
    static final int BEST_SELLER_DAYS = 90;
    /**
     * A plain search (a text, no filter, first page, by relevance) whose words find fewer products than this is
     * widened by meaning: the assistant's semantic search, which fuses the same full-text ranking with the products'
     * embeddings ("arrosoir pour balcon" finds the small watering cans whose texts never say "pour balcon").
     */
    static final int FEW_RESULTS = 4;

    private static final Logger log = LoggerFactory.getLogger(ShopCatalog.class);

    private record BestSellersKey(UUID tenantId, LocalDate day, long catalogVersion) {
    }

    private record TreeKey(UUID tenantId, long catalogVersion) {
    }

    private final CatalogQueries catalog;
    private final CatalogFigures figures;
    private final SalesFigures sales;
    private final ShopBusinesses shops;
    private final SemanticSearch semantic;
    private final Clock clock;
    /** Best sellers change slowly (a day's sales hardly move the ranking): computed at most every few minutes. */
    private final Cache<BestSellersKey, List<UUID>> bestSellers = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(1_000).build();
    /**
     * The category tree with its counts is on every page (breadcrumbs, the home page's departments) and costs a count
     * over the whole catalog: kept per business and catalog version (which moves with every change committed on this
     * node), at most a minute for the changes made on another node.
     */
    private final Cache<TreeKey, List<CategoryNode>> trees = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(1_000).build();

    ShopCatalog(CatalogQueries catalog, CatalogFigures figures, SalesFigures sales, ShopBusinesses shops,
                SemanticSearch semantic, Clock clock) {
        this.catalog = catalog;
        this.semantic = semantic;
        this.figures = figures;
        this.sales = sales;
        this.shops = shops;
        this.clock = clock;
    }

    /**
     * A search or a category's list: text, category, tag, price range, sort and page, and option values the products
     * must offer (one per option name, e.g. {@code Couleur → Vert}).
     */
    public record ShopQuery(String q, UUID categoryId, String tag, BigDecimal priceMin, BigDecimal priceMax, String sort,
                            int page, int size, Map<String, String> options) {

        public ShopQuery {
            options = options == null ? Map.of() : Map.copyOf(options);
        }

        public ShopQuery(String q, UUID categoryId, String tag, BigDecimal priceMin, BigDecimal priceMax, String sort,
                         int page, int size) {
            this(q, categoryId, tag, priceMin, priceMax, sort, page, size, Map.of());
        }
    }

    /** A page of products with the facets of the whole list (categories, tags, price range). */
    public record Listing(List<ShopCard> items, long total, int page, int size, ProductFacets facets) {

        public int totalPages() {
            return size == 0 ? 0 : (int) ((total + size - 1) / size);
        }
    }

    /** A category the home page features: a top-level category with active products, and how many. */
    public record FeaturedCategory(UUID id, String name, long count) {
    }

    /** The home page: featured categories, the newest products and the best sellers. */
    public record Home(List<FeaturedCategory> categories, List<ShopCard> newest, List<ShopCard> bestSellers) {
    }

    /**
     * A number that moves whenever the business's catalog or stock changes (committed on this node): what the shop
     * shows under one version may be kept until it moves. It lives in this node's memory: no database work.
     */
    public long version(ShopBusiness shop) {
        return shops.as(shop, figures::version);
    }

    public Home home(ShopBusiness shop) {
        List<CategoryNode> tree = categories(shop);
        return shops.as(shop, () -> {
            List<FeaturedCategory> featured = tree.stream()
                    .map(c -> new FeaturedCategory(c.id(), c.name(), c.productCount())).toList();
            List<ShopCard> newest = search(new ShopQuery(null, null, null, null, null, "newest", 0, HOME_PRODUCTS), false)
                    .items();
            return new Home(featured, newest, bestSellers(shop));
        });
    }

    /** The categories with active products (counting their sub-categories'), as a tree in position order. */
    public List<CategoryNode> categories(ShopBusiness shop) {
        return NodeMemory.get(trees, new TreeKey(shop.tenantId(), version(shop)), key -> shops.as(shop, this::tree));
    }

    /** The category and its ancestors, from the top (breadcrumbs); a 404 for a category without active products. */
    public List<CategoryNode> path(ShopBusiness shop, UUID categoryId) {
        List<CategoryNode> path = new ArrayList<>();
        if (!find(categories(shop), categoryId, path)) {
            throw new NotFoundException("Category", categoryId);
        }
        return path;
    }

    /** A page of active products (a search, a category's list) with the facets of the whole list. */
    public Listing list(ShopBusiness shop, ShopQuery query) {
        return list(shop, query, true);
    }

    /**
     * A page of active products, with the facets of the whole list only when {@code facets} (they cost a count over
     * the list: a caller that does not show them does not ask; the listing's {@code facets} is then null).
     */
    public Listing list(ShopBusiness shop, ShopQuery query, boolean facets) {
        if (query.sort() != null && !query.sort().isBlank() && !SORTS.contains(query.sort().strip())) {
            throw InvalidInputException.field("sort", "must be one of " + SORTS);
        }
        return shops.as(shop, () -> search(query, facets));
    }

    /** An active product of the shop, or a 404 (a draft, an archived product and another business's are unknown here). */
    public ShopItem product(ShopBusiness shop, UUID productId) {
        return shops.as(shop, () -> catalog.product(productId))
                .filter(p -> p.status() == ProductStatus.ACTIVE)
                .map(ShopCatalog::item)
                .orElseThrow(() -> new NotFoundException("Product", productId));
    }

    /**
     * The active products nearest in meaning to this one (the assistant's embeddings), nearest first; none when they
     * cannot be told (the product not embedded and the model not answering), so that the product page still shows.
     */
    public List<ShopCard> similar(ShopBusiness shop, UUID productId, int limit) {
        try {
            return shops.as(shop, () -> semantic.similar(productId, limit)).stream()
                    .map(s -> ShopCard.of(s.product())).toList();
        } catch (RuntimeException e) {
            log.warn("No similar products for {}: {}", productId, e.toString());
            return List.of();
        }
    }

    /**
     * What customers who bought this product also bought: the active products on the same sold orders of the
     * business (any of their variants), in the most orders first, never the product itself.
     */
    public List<ShopCard> alsoBought(ShopBusiness shop, UUID productId, int limit) {
        return shops.as(shop, () -> {
            ProductView product = catalog.product(productId).orElse(null);
            if (product == null) {
                return List.<ShopCard>of();
            }
            List<UUID> own = product.variants().stream().map(VariantView::id).toList();
            List<SalesFigures.BoughtWith> with = sales.boughtWith(own, 100);
            Map<UUID, Long> orders = new HashMap<>();
            with.forEach(w -> orders.put(w.variantId(), w.orders()));
            Map<UUID, Long> perProduct = new HashMap<>();
            for (VariantSummary v : catalog.variants(orders.keySet())) {
                if (v.productStatus() == ProductStatus.ACTIVE && !v.productId().equals(productId)) {
                    // a product counts the orders of its most bought variant (one order may hold two of them)
                    perProduct.merge(v.productId(), orders.get(v.id()), Math::max);
                }
            }
            List<UUID> ranked = perProduct.entrySet().stream()
                    .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed()
                            .thenComparing(e -> e.getKey().toString()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            return catalog.cards(ranked).stream().filter(p -> p.status() == ProductStatus.ACTIVE)
                    .map(ShopCard::of).toList();
        });
    }

    /** The file of an active product's picture (or of its thumbnail), or a 404. */
    public ProductPicture picture(ShopBusiness shop, UUID productId, UUID imageId, boolean thumb) {
        product(shop, productId);
        return shops.as(shop, () -> catalog.picture(productId, imageId, thumb));
    }

    /** Every active product of the shop, by name (for the sitemap). */
    public List<ShopCard> all(ShopBusiness shop) {
        return shops.as(shop, () -> {
            List<ShopCard> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                Listing listing = search(new ShopQuery(null, null, null, null, null, "name", page, 200), false);
                all.addAll(listing.items());
                if (all.size() >= listing.total() || listing.items().isEmpty() || all.size() >= 50_000) {
                    return all;
                }
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Listing search(ShopQuery q, boolean facets) {
        String sort = q.sort() == null || q.sort().isBlank() ? null : q.sort().strip();
        if ("relevance".equals(sort) && (q.q() == null || q.q().isBlank())) {
            sort = null;
        }
        ProductCard.Page page = catalog.cards(new ProductQuery(q.q(), q.categoryId(), q.tag(), ProductStatus.ACTIVE,
                q.priceMin(), q.priceMax(), null, sort, q.page(), q.size(), facets, q.options()));
        if (widened(q, sort, page)) {
            List<ProductCard> hits = byMeaning(q);
            if (hits.size() > page.items().size()) {
                return new Listing(hits.stream().map(ShopCard::of).toList(), hits.size(), 0, page.size(), page.facets());
            }
        }
        return new Listing(page.items().stream().map(ShopCard::of).toList(), page.total(), page.page(),
                page.size(), page.facets());
    }

    private static boolean widened(ShopQuery q, String sort, ProductCard.Page page) {
        return q.q() != null && !q.q().isBlank() && q.q().strip().length() <= SemanticSearch.MAX_QUERY
                && q.page() == 0 && q.categoryId() == null && q.tag() == null && q.priceMin() == null
                && q.priceMax() == null && q.options().isEmpty() && (sort == null || "relevance".equals(sort)) && page.total() < FEW_RESULTS;
    }

    /** The active products the semantic search finds; none when it cannot answer (the words' results stay). */
    private List<ProductCard> byMeaning(ShopQuery q) {
        try {
            return semantic.search(q.q(), Math.min(q.size(), SemanticSearch.MAX_LIMIT), true).items().stream()
                    .map(SemanticSearch.Hit::product).toList();
        } catch (RuntimeException e) {
            log.warn("The semantic search failed, the shop shows the full-text results: {}", e.toString());
            return List.of();
        }
    }

    private List<CategoryNode> tree() {
        ProductCard.Page counts = catalog.cards(new ProductQuery(null, null, null, ProductStatus.ACTIVE, null, null, null,
                null, 0, 1, true));
        Map<UUID, Long> active = new HashMap<>();
        counts.facets().categories().forEach(c -> active.put(c.id(), c.count()));
        return prune(catalog.categories(), active);
    }

    private static List<CategoryNode> prune(List<CategoryNode> nodes, Map<UUID, Long> active) {
        List<CategoryNode> kept = new ArrayList<>();
        for (CategoryNode node : nodes) {
            long count = active.getOrDefault(node.id(), 0L);
            if (count > 0) {
                kept.add(new CategoryNode(node.id(), node.name(), node.parentId(), node.position(), count,
                        prune(node.children(), active)));
            }
        }
        return List.copyOf(kept);
    }

    private static boolean find(List<CategoryNode> nodes, UUID id, List<CategoryNode> path) {
        for (CategoryNode node : nodes) {
            path.add(node);
            if (node.id().equals(id) || find(node.children(), id, path)) {
                return true;
            }
            path.removeLast();
        }
        return false;
    }

    /** The products that sold most (units) over the last days, active ones only, best first. */
    private List<ShopCard> bestSellers(ShopBusiness shop) {
        ZoneId zone = BusinessTime.zoneOf(shop.zone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<UUID> ids = NodeMemory.get(bestSellers, new BestSellersKey(shop.tenantId(), today, figures.version()),
                key -> ranking(today, zone, shop.currency()));
        return catalog.cards(ids).stream().filter(p -> p.status() == ProductStatus.ACTIVE)
                .limit(HOME_PRODUCTS).map(ShopCard::of).toList();
    }

    private List<UUID> ranking(LocalDate today, ZoneId zone, String currency) {
        List<SalesFigures.VariantSales> sold = sales.perVariant(today.minusDays(BEST_SELLER_DAYS), today, zone,
                Money.decimals(currency));
        Map<UUID, Long> units = new HashMap<>();
        sold.forEach(s -> units.merge(s.variantId(), s.quantity(), Long::sum));
        Map<UUID, Long> perProduct = new LinkedHashMap<>();
        for (VariantSummary v : catalog.variants(units.keySet())) {
            if (v.productStatus() == ProductStatus.ACTIVE) {
                perProduct.merge(v.productId(), units.get(v.id()), Long::sum);
            }
        }
        return perProduct.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<UUID, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()))
                .limit(HOME_PRODUCTS * 2L).map(Map.Entry::getKey).toList();
    }

    static ShopItem item(ProductView p) {
        List<ShopVariant> variants = new ArrayList<>();
        Integer total = null;
        for (VariantView v : p.variants()) {
            if (!v.active()) {
                continue;
            }
            Availability availability = Availability.of(v.available());
            variants.add(new ShopVariant(v.id(), v.sku(), v.barcode(), v.options(), v.price(), v.compareAtPrice(),
                    availability, availability == Availability.LOW_STOCK ? v.available() : null));
            if (v.available() != null) {
                total = (total == null ? 0 : total) + Math.max(0, v.available());
            }
        }
        ShopVariant cheapest = variants.stream().filter(v -> v.price() != null)
                .min(Comparator.comparing(ShopVariant::price)).orElse(null);
        boolean varies = variants.stream().map(ShopVariant::price).filter(java.util.Objects::nonNull).distinct().count() > 1;
        Availability availability = variants.isEmpty() ? Availability.OUT_OF_STOCK
                : variants.stream().anyMatch(v -> v.availability() == Availability.IN_STOCK) ? Availability.IN_STOCK
                : variants.stream().anyMatch(v -> v.availability() == Availability.LOW_STOCK) ? Availability.LOW_STOCK
                : Availability.OUT_OF_STOCK;
        return new ShopItem(p.id(), p.name(), p.slug(), p.description(), p.brand(), p.categoryId(), p.tags(),
                p.options(), Collections.unmodifiableList(variants), p.images(),
                cheapest == null ? null : cheapest.price(), cheapest == null ? null : cheapest.compareAtPrice(), varies,
                availability, p.vatRate(), p.updatedAt());
    }
}
