package app.comptoir.storefront.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.ProductOption;
import app.comptoir.platform.PageResponse;
import app.comptoir.storefront.application.Availability;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopCatalog;
import app.comptoir.storefront.application.ShopCard;
import app.comptoir.storefront.application.ShopItem;
import app.comptoir.storefront.application.ShopVariant;

/**
 * The read side of a shop's headless store API ({@code /api/v1/store/{slug}}, no token): the shop, its categories,
 * its active products (search, filters, sort, pages) and one product with its variants and availability. The same
 * answers as the shop's pages ({@link ShopCatalog}), the same caching (an ETag, {@code Cache-Control: public,
 * max-age=60}, a 304 on {@code If-None-Match}), the same errors as problem details (an unknown shop or product is a
 * 404; a bad page, size, sort or price a 400 naming the field).
 */
@RestController
@RequestMapping(value = "/api/v1/store/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
class StoreController {

    private final ShopBusinesses shops;
    private final ShopCatalog catalog;
    private final ShopPageCache cache;
    private final ShopLinks links;
    private final JsonMapper json;

    StoreController(ShopBusinesses shops, ShopCatalog catalog, ShopPageCache cache, ShopLinks links, JsonMapper json) {
        this.shops = shops;
        this.catalog = catalog;
        this.cache = cache;
        this.links = links;
        this.json = json;
    }

    /** A shop: its business's name and address, currency, language, and whether its prices include VAT. */
    record StoreInfo(String name, String slug, String currency, String locale, boolean pricesIncludeVat, String url,
                     String sitemap) {
    }

    /** A category with active products (counting its sub-categories'), and its sub-categories. */
    record StoreCategory(UUID id, String name, long productCount, List<StoreCategory> children) {
    }

    /** A picture of a product: the picture and its thumbnail (320 px on its longest side), with the picture's size. */
    record StoreImage(String url, String thumbnailUrl, int width, int height) {
    }

    /**
     * A variant that can be bought: SKU, option values, price (and struck-through price), availability
     * ({@code IN_STOCK}, {@code LOW_STOCK} with {@code left}, {@code OUT_OF_STOCK}).
     */
    record StoreVariant(UUID id, String sku, String barcode, Map<String, String> options, BigDecimal price,
                        BigDecimal compareAtPrice, Availability availability, Integer left) {
    }

    /**
     * An active product: its active variants, pictures, lowest price, availability over its variants; prices in the
     * shop's currency, VAT included when {@code pricesIncludeVat}; {@code url} is its page in the shop.
     */
    record StoreProduct(UUID id, String name, String slug, String description, String brand, UUID categoryId,
                        List<String> tags, List<ProductOption> options, List<StoreVariant> variants,
                        List<StoreImage> images, BigDecimal priceFrom, String currency, boolean pricesIncludeVat,
                        Availability availability, String url) {
    }

    /**
     * A product in a list, as a card shows it: its first picture, lowest price (with the struck-through one when on
     * offer, {@code priceVaries} when its variants have different prices), availability over its variants and how many
     * variants it has; the product itself ({@code GET …/products/{id}}) gives the description, options and variants.
     */
    record StoreProductCard(UUID id, String name, String slug, String brand, UUID categoryId, List<String> tags,
                            StoreImage picture, BigDecimal priceFrom, BigDecimal compareAtPrice, boolean priceVaries,
                            String currency, boolean pricesIncludeVat, Availability availability, int variantCount,
                            String url) {
    }

    @GetMapping
    @Operation(summary = "The shop: its name, currency, language and VAT display (404 when the business has no open shop)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StoreInfo.class)))
    ResponseEntity<byte[]> shop(@PathVariable String slug, Locale locale, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, ShopPages.address(request), () -> json(new StoreInfo(shop.name(), shop.slug(),
                shop.currency(), ShopLanguage.defaultLocale(shop).getLanguage(), shop.pricesIncludeVat(),
                links.absolute(shop, "", locale), links.absolute(shop, "/sitemap.xml", ShopLanguage.defaultLocale(shop)))));
    }

    @GetMapping("/categories")
    @Operation(summary = "The categories that have active products, as a tree in the shop's order")
    @ApiResponse(responseCode = "200", content = @Content(array = @io.swagger.v3.oas.annotations.media.ArraySchema(
            schema = @Schema(implementation = StoreCategory.class))))
    ResponseEntity<byte[]> categories(@PathVariable String slug, Locale locale, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, ShopPages.address(request),
                () -> json(categories(catalog.categories(shop))));
    }

    @GetMapping("/products")
    @Operation(summary = "Active products: search text (typos forgiven), category (with its sub-categories), tag, option "
            + "values (option=Couleur:Vert, repeated for other options: products offering each), price range, sort (relevance, name, -name, price, -price, newest), page from 0 and size (1-200); each product as "
            + "a card (picture, lowest price, availability, number of variants): its variants are on the product")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProductList.class)))
    ResponseEntity<byte[]> products(@PathVariable String slug, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) UUID category,
                                    @RequestParam(required = false) String tag,
                                    @Parameter(description = "an option's value the products must offer, as "
                                            + "name:value (e.g. Couleur:Vert); repeat it for other options")
                                    // declared for the API's description; read from the request as typed (a
                                    // bound list would split one value at its commas: "Taille:10,5 L")
                                    @RequestParam(name = "option", required = false) String[] option,
                                    @RequestParam(required = false) BigDecimal priceMin,
                                    @RequestParam(required = false) BigDecimal priceMax,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "24") int size, Locale locale,
                                    HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, ShopPages.address(request), () -> {
            ShopCatalog.Listing listing = catalog.list(shop, new ShopCatalog.ShopQuery(q, category, tag, priceMin,
                    priceMax, sort, page, size, ShopPages.options(request)), false);
            return json(new PageResponse<>(listing.items().stream().map(p -> card(shop, p, locale)).toList(),
                    listing.total(), listing.page(), listing.size()));
        });
    }

    @GetMapping("/products/{productId}")
    @Operation(summary = "An active product with its variants, prices and availability (404 for a product the shop "
            + "does not sell)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StoreProduct.class)))
    ResponseEntity<byte[]> product(@PathVariable String slug, @PathVariable UUID productId, Locale locale,
                                   HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, ShopPages.address(request),
                () -> json(product(shop, catalog.product(shop, productId), locale)));
    }

    @GetMapping("/products/{productId}/recommendations")
    @Operation(summary = "What the product page recommends with an active product: products similar to it (by the "
            + "meaning of their texts) and products bought in the same orders, each as a card (404 for a product the "
            + "shop does not sell)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StoreRecommendations.class)))
    ResponseEntity<byte[]> recommendations(@PathVariable String slug, @PathVariable UUID productId, Locale locale,
                                           HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, ShopPages.address(request), () -> {
            catalog.product(shop, productId);
            return json(new StoreRecommendations(
                    catalog.similar(shop, productId, ShopCatalog.SIMILAR_PRODUCTS).stream()
                            .map(p -> card(shop, p, locale)).toList(),
                    catalog.alsoBought(shop, productId, ShopCatalog.SIMILAR_PRODUCTS).stream()
                            .map(p -> card(shop, p, locale)).toList()));
        });
    }

    /** A product's recommendations: similar products, and products bought with it. */
    record StoreRecommendations(List<StoreProductCard> similar, List<StoreProductCard> alsoBought) {
    }

    /** The page shape of the product list, for the API document. */
    record ProductList(List<StoreProductCard> items, long total, int page, int size) {
    }

    private StoreProductCard card(ShopBusiness shop, ShopCard p, Locale locale) {
        ProductImageView picture = p.picture();
        return new StoreProductCard(p.id(), p.name(), p.slug(), p.brand(), p.categoryId(), p.tags(),
                picture == null ? null : image(shop, p.id(), picture), p.priceFrom(), p.compareAtPrice(),
                p.priceVaries(), shop.currency(), shop.pricesIncludeVat(), p.availability(), p.variantCount(),
                links.absolute(shop, "/products/" + p.id(), locale));
    }

    private StoreImage image(ShopBusiness shop, UUID productId, ProductImageView i) {
        String url = links.absolutePicture(shop, productId, i.id());
        return new StoreImage(url, url + "?thumb=true", i.width(), i.height());
    }

    private StoreProduct product(ShopBusiness shop, ShopItem p, Locale locale) {
        return new StoreProduct(p.id(), p.name(), p.slug(), p.description(), p.brand(), p.categoryId(), p.tags(),
                p.options(), p.variants().stream().map(StoreController::variant).toList(),
                p.images().stream().map(i -> image(shop, p.id(), i)).toList(),
                p.priceFrom(), shop.currency(), shop.pricesIncludeVat(), p.availability(),
                links.absolute(shop, "/products/" + p.id(), locale));
    }

    private static StoreVariant variant(ShopVariant v) {
        return new StoreVariant(v.id(), v.sku(), v.barcode(), v.options(), v.price(), v.compareAtPrice(),
                v.availability(), v.left());
    }

    private static List<StoreCategory> categories(List<CategoryNode> nodes) {
        return nodes.stream().map(n -> new StoreCategory(n.id(), n.name(), n.productCount(), categories(n.children())))
                .toList();
    }

    private ShopPageCache.Rendered json(Object body) {
        return ShopPageCache.Rendered.of(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
    }
}
