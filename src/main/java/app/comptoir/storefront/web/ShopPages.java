package app.comptoir.storefront.web;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.CategoryNode;
import app.comptoir.catalog.ProductPicture;
import app.comptoir.platform.MoneyFormat;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.ShopCatalog;
import app.comptoir.storefront.application.ShopItem;
import app.comptoir.storefront.application.ShopVariant;

/**
 * The public catalog pages of a business's shop ({@code /shop/{slug}}), phone first, in French or English
 * ({@code ?lang=}): the home page (featured categories, new products, best sellers), category pages (breadcrumbs,
 * sub-categories, products by page and sort), the search (typos forgiven, tags and price as filters), the product
 * page (variant picker, price with the business's VAT display, availability, add to cart), the pictures, the
 * sitemap. Every catalog page is the same for every visitor: rendered once per catalog version, language and address
 * ({@link ShopPageCache}), sent with an ETag and {@code Cache-Control: public, max-age=60}. What depends on the
 * visitor comes after the page, from {@code /shop/{slug}/header} ({@code private, no-store}).
 */
@PageController
@RequestMapping("/shop/{slug}")
class ShopPages {

    private static final String VIEWS = "storefront/";

    private final ShopBusinesses shops;
    private final ShopCatalog catalog;
    private final ShopPageCache cache;
    private final ShopRenderer renderer;
    private final ShopLinks links;
    private final ShopVisitors visitors;
    private final ShopCarts visitorCarts;
    private final MoneyFormat money;
    private final MessageSource messages;
    private final JsonMapper json;

    ShopPages(ShopBusinesses shops, ShopCatalog catalog, ShopPageCache cache, ShopRenderer renderer, ShopLinks links,
              ShopVisitors visitors, ShopCarts visitorCarts, MoneyFormat money, MessageSource messages, JsonMapper json) {
        this.shops = shops;
        this.catalog = catalog;
        this.cache = cache;
        this.renderer = renderer;
        this.links = links;
        this.visitors = visitors;
        this.visitorCarts = visitorCarts;
        this.money = money;
        this.messages = messages;
        this.json = json;
    }

    /** One option of the variant picker: the variant and what the page shows once it is chosen. */
    record VariantChoice(ShopVariant variant, String label, String price, String compareAtPrice, String availability,
                         String optionsJson, boolean selected) {
    }

    @GetMapping
    ResponseEntity<byte[]> home(@PathVariable String slug, Locale locale, HttpServletRequest request,
                                HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, address(request), () -> html("home", model(shop, request, ""), locale,
                request, response, model -> {
                    model.put("home", catalog.home(shop));
                    model.put("title", shop.name());
                    model.put("seo", seo(shop, "", description(shop, locale), "website", null, null));
                }));
    }

    @GetMapping("/categories/{categoryId}")
    ResponseEntity<byte[]> category(@PathVariable String slug, @PathVariable UUID categoryId,
                                    @RequestParam(required = false) String sort,
                                    @RequestParam(required = false) String tag,
                                    @RequestParam(required = false) String min, @RequestParam(required = false) String max,
                                    @RequestParam(defaultValue = "0") String page, Locale locale,
                                    HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, address(request), () -> {
            List<CategoryNode> path = catalog.path(shop, categoryId);
            CategoryNode category = path.getLast();
            String base = "/categories/" + categoryId;
            return html("list", model(shop, request, base), locale, request, response, model -> {
                listing(shop, model, new Filters(null, categoryId, tag, min, max, sort, page, options(request)), base);
                model.put("category", category);
                model.put("path", path);
                model.put("title", category.name());
                model.put("seo", seo(shop, base, message("storefront.category.description", locale, category.name(),
                        shop.name(), category.productCount()), "website", null, null));
            });
        });
    }

    @GetMapping("/search")
    ResponseEntity<byte[]> search(@PathVariable String slug, @RequestParam(required = false) String q,
                                  @RequestParam(required = false) String sort, @RequestParam(required = false) String tag,
                                  @RequestParam(required = false) String min, @RequestParam(required = false) String max,
                                  @RequestParam(defaultValue = "0") String page, Locale locale,
                                  HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        String text = q == null ? null : q.strip();
        return cache.respond(shop, locale, address(request), () -> html("list", model(shop, request, "/search"),
                locale, request, response, model -> {
                    listing(shop, model, new Filters(text, null, tag, min, max, sort, page, options(request)),
                            "/search");
                    model.put("q", text);
                    model.put("title", text == null || text.isEmpty()
                            ? (tag == null || tag.isBlank() ? message("storefront.search.title", locale)
                            : "#" + tag.strip()) : message("storefront.search.resultsFor", locale, text));
                    model.put("seo", null);
                }));
    }

    @GetMapping("/products/{productId}")
    ResponseEntity<byte[]> product(@PathVariable String slug, @PathVariable UUID productId,
                                   @RequestParam(required = false) String variant, Locale locale,
                                   HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        return cache.respond(shop, locale, address(request), () -> {
            ShopItem item = catalog.product(shop, productId);
            String base = "/products/" + productId;
            return html("product", model(shop, request, base), locale, request, response, model -> {
                ShopVariant chosen = item.variant(uuid(variant));
                model.put("item", item);
                model.put("chosen", chosen);
                model.put("choices", choices(shop, item, chosen, locale));
                model.put("similar", catalog.similar(shop, productId, ShopCatalog.SIMILAR_PRODUCTS));
                model.put("alsoBought", catalog.alsoBought(shop, productId, ShopCatalog.SIMILAR_PRODUCTS));
                model.put("path", item.categoryId() == null ? List.of() : breadcrumbs(shop, item.categoryId()));
                model.put("title", item.name());
                String description = item.description() == null || item.description().isBlank()
                        ? message("storefront.product.description", locale, item.name(), shop.name())
                        : shorten(item.description(), 160);
                String image = item.picture() == null ? null : links.absolutePicture(shop, item.id(), item.picture().id());
                model.put("seo", seo(shop, base, description, "product", image, productData(shop, item, locale)));
            });
        });
    }

    /** A picture of an active product (or its thumbnail): it never changes under its id, so it is cached for long. */
    @GetMapping("/products/{productId}/images/{imageId}")
    ResponseEntity<Resource> picture(@PathVariable String slug, @PathVariable UUID productId, @PathVariable UUID imageId,
                                     @RequestParam(defaultValue = "false") boolean thumb) {
        ShopBusiness shop = shops.open(slug);
        ProductPicture picture = catalog.picture(shop, productId, imageId, thumb);
        FileSystemResource file = new FileSystemResource(picture.path());
        if (!file.exists()) {
            throw new NotFoundException("Image file", imageId);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(picture.contentType()))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(365)).cachePublic().immutable())
                .body(file);
    }

    /**
     * The part of the header that depends on the visitor (signed in or not), loaded by the page with htmx: never
     * cached. Its model is the place to add what else the header shows about the visitor (the cart's count).
     */
    @GetMapping("/header")
    String header(@PathVariable String slug, Model model, HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
        model.addAttribute("shop", shop);
        model.addAttribute("shopper", visitors.signedIn(request, shop).orElse(null));
        model.addAttribute("cartCount", visitorCarts.current(request, response, shop).itemCount());
        return VIEWS + "fragments :: visitor";
    }

    /** The shop's sitemap: its home page, its categories and its products, each in French and English. */
    @GetMapping(value = "/sitemap.xml")
    ResponseEntity<byte[]> sitemap(@PathVariable String slug, Locale locale, HttpServletRequest request) {
        ShopBusiness shop = shops.open(slug);
        Locale own = ShopLanguage.defaultLocale(shop);
        return cache.respond(shop, own, address(request), () -> ShopPageCache.Rendered.of(ShopPageCache.utf8(
                Sitemaps.xml(shop, links, catalog.categories(shop), catalog.all(shop))), MediaType.APPLICATION_XML));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A tag of the list's products as a filter: choosing it, or leaving it when it is the one chosen. */
    record TagLink(String value, long count, boolean active, String href) {
    }

    /** An option's value of the list's products as a filter: choosing it, or leaving it when it is the one chosen. */
    record OptionLink(String value, long count, boolean active, String href) {
    }

    /** An option of the list's products (colour, size...) with its values to filter on. */
    record OptionFilter(String name, List<OptionLink> values) {
    }

    /** What a list page was asked for, as typed in its address (a bad number is ignored, not an error page). */
    record Filters(String q, UUID categoryId, String tag, String min, String max, String sort, String page,
                   Map<String, String> options) {
    }

    /** The most option filters one list takes, and the most values of an option it offers. */
    private static final int MAX_OPTIONS = 4;
    private static final int MAX_OPTION_VALUES = 12;

    /**
     * The option filters of the address: {@code option=Couleur:Vert}, repeated for other options (the last value of an
     * option wins); malformed or too many values are left out, as an address may be edited by hand.
     */
    static Map<String, String> options(HttpServletRequest request) {
        String[] values = request.getParameterValues("option");
        Map<String, String> options = new java.util.TreeMap<>();
        if (values == null) {
            return options;
        }
        for (String value : values) {
            int colon = value == null ? -1 : value.indexOf(':');
            if (colon <= 0 || value.length() > 200) {
                continue;
            }
            String name = value.substring(0, colon).strip();
            String chosen = value.substring(colon + 1).strip();
            if (!name.isEmpty() && !chosen.isEmpty() && (options.containsKey(name) || options.size() < MAX_OPTIONS)) {
                options.put(name, chosen);
            }
        }
        return options;
    }

    private void listing(ShopBusiness shop, Map<String, Object> model, Filters f, String base) {
        BigDecimal min = decimal(f.min());
        BigDecimal max = decimal(f.max());
        if (min != null && max != null && min.compareTo(max) > 0) {
            BigDecimal swap = min;
            min = max;
            max = swap;
        }
        String sort = f.sort() == null || !ShopCatalog.SORTS.contains(f.sort().strip()) ? null : f.sort().strip();
        String tag = f.tag() == null || f.tag().isBlank() ? null : f.tag().strip();
        int page = Math.max(0, Math.min(10_000, integer(f.page())));
        ShopCatalog.Listing listing = catalog.list(shop, new ShopCatalog.ShopQuery(f.q(), f.categoryId(), tag, min, max,
                sort, page, ShopCatalog.PAGE_SIZE, f.options()));
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/shop/" + shop.slug() + base);
        if (f.q() != null && !f.q().isEmpty()) {
            link.queryParam("q", f.q());
        }
        if (tag != null) {
            link.queryParam("tag", tag);
        }
        if (min != null) {
            link.queryParam("min", min.toPlainString());
        }
        if (max != null) {
            link.queryParam("max", max.toPlainString());
        }
        if (sort != null) {
            link.queryParam("sort", sort);
        }
        f.options().forEach((name, value) -> link.queryParam("option", name + ":" + value));
        String lang = links.lang(shop);
        if (lang != null) {
            link.queryParam("lang", lang);
        }
        List<TagLink> tags = new ArrayList<>();
        if (listing.facets() != null) {
            listing.facets().tags().stream().limit(12).forEach(t -> {
                UriComponentsBuilder tagLink = link.cloneBuilder().replaceQueryParam("page");
                boolean active = t.value().equals(tag);
                tagLink.replaceQueryParam("tag", active ? new Object[0] : new Object[] {t.value()});
                tags.add(new TagLink(t.value(), t.count(), active, links.contextPath() + tagLink.encode().build().toUriString()));
            });
        }
        model.put("tags", tags);
        List<OptionFilter> optionFilters = new ArrayList<>();
        if (listing.facets() != null) {
            listing.facets().options().stream().limit(MAX_OPTIONS).forEach(o -> {
                List<OptionLink> values = new ArrayList<>();
                o.values().stream().limit(MAX_OPTION_VALUES).forEach(v -> {
                    boolean active = v.value().equals(f.options().get(o.name()));
                    Map<String, String> next = new java.util.TreeMap<>(f.options());
                    if (active) {
                        next.remove(o.name());
                    } else {
                        next.put(o.name(), v.value());
                    }
                    UriComponentsBuilder optionLink = link.cloneBuilder().replaceQueryParam("page")
                            .replaceQueryParam("option", next.entrySet().stream()
                                    .map(e -> e.getKey() + ":" + e.getValue()).toArray());
                    values.add(new OptionLink(v.value(), v.count(), active,
                            links.contextPath() + optionLink.encode().build().toUriString()));
                });
                // An option with one value everywhere filters nothing, unless it is the one chosen.
                if (values.size() > 1 || values.stream().anyMatch(OptionLink::active)) {
                    optionFilters.add(new OptionFilter(o.name(), values));
                }
            });
        }
        model.put("optionFilters", optionFilters);
        model.put("options", f.options());
        model.put("listing", listing);
        model.put("pager", Pager.of(new PageResponse<>(listing.items(), listing.total(), listing.page(), listing.size()),
                link));
        model.put("sort", sort == null ? (f.q() == null || f.q().isEmpty() ? "name" : "relevance") : sort);
        model.put("sorts", f.q() == null || f.q().isEmpty()
                ? ShopCatalog.SORTS.stream().filter(s -> !s.equals("relevance")).toList() : ShopCatalog.SORTS);
        model.put("tag", tag);
        model.put("min", min);
        model.put("max", max);
        model.put("listAction", links.to(shop, base));
        model.put("lang", lang);
    }

    private List<CategoryNode> breadcrumbs(ShopBusiness shop, UUID categoryId) {
        try {
            return catalog.path(shop, categoryId);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private List<VariantChoice> choices(ShopBusiness shop, ShopItem item, ShopVariant chosen, Locale locale) {
        List<VariantChoice> choices = new ArrayList<>();
        for (ShopVariant v : item.variants()) {
            choices.add(new VariantChoice(v, v.label(), price(shop, v.price(), locale),
                    v.compareAtPrice() == null || v.price() == null || v.compareAtPrice().compareTo(v.price()) <= 0 ? ""
                            : money.format(v.compareAtPrice(), shop.currency(), locale),
                    availability(v, locale), json.writeValueAsString(v.options()), v.equals(chosen)));
        }
        return choices;
    }

    private String price(ShopBusiness shop, BigDecimal price, Locale locale) {
        return price == null ? "" : money.format(price, shop.currency(), locale);
    }

    private String availability(ShopVariant v, Locale locale) {
        return switch (v.availability()) {
            case IN_STOCK -> message("storefront.availability.inStock", locale);
            case LOW_STOCK -> message("storefront.availability.low", locale, v.left());
            case OUT_OF_STOCK -> message("storefront.availability.out", locale);
        };
    }

    /** The page's schema.org Product with one Offer per variant, as JSON-LD safe inside a script element. */
    private String productData(ShopBusiness shop, ShopItem item, Locale locale) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", item.name());
        if (item.description() != null && !item.description().isBlank()) {
            product.put("description", item.description());
        }
        if (item.brand() != null && !item.brand().isBlank()) {
            product.put("brand", Map.of("@type", "Brand", "name", item.brand()));
        }
        if (!item.images().isEmpty()) {
            product.put("image", item.images().stream().map(i -> links.absolutePicture(shop, item.id(), i.id())).toList());
        }
        ShopVariant first = item.variants().isEmpty() ? null : item.variants().getFirst();
        if (first != null) {
            product.put("sku", first.sku());
        }
        product.put("url", links.absolute(shop, "/products/" + item.id(), locale));
        List<Map<String, Object>> offers = new ArrayList<>();
        for (ShopVariant v : item.variants()) {
            if (v.price() == null) {
                continue;
            }
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("@type", "Offer");
            offer.put("sku", v.sku());
            if (v.barcode() != null && v.barcode().length() == 13) {
                offer.put("gtin13", v.barcode());
            }
            offer.put("name", v.label());
            offer.put("price", v.price().toPlainString());
            offer.put("priceCurrency", shop.currency());
            offer.put("priceSpecification", Map.of("@type", "UnitPriceSpecification", "price", v.price().toPlainString(),
                    "priceCurrency", shop.currency(), "valueAddedTaxIncluded", shop.pricesIncludeVat()));
            offer.put("availability", v.availability().schemaOrg());
            offer.put("itemCondition", "https://schema.org/NewCondition");
            offer.put("url", links.absolute(shop, "/products/" + item.id() + "?variant=" + v.id(), locale));
            offers.add(offer);
        }
        if (!offers.isEmpty()) {
            product.put("offers", offers.size() == 1 ? offers.getFirst() : offers);
        }
        // "</script>" or "<!--" in a product's text must not end the data block.
        return json.writeValueAsString(product).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private ShopSeo seo(ShopBusiness shop, String path, String description, String type, String image, String jsonLd) {
        return new ShopSeo(description, links.absolute(shop, path, org.springframework.context.i18n.LocaleContextHolder
                .getLocale()), links.absolute(shop, path, Locale.FRENCH), links.absolute(shop, path, Locale.ENGLISH),
                links.absolute(shop, path, ShopLanguage.defaultLocale(shop)), type, image, jsonLd);
    }

    private String description(ShopBusiness shop, Locale locale) {
        return message("storefront.home.description", locale, shop.name());
    }

    private Map<String, Object> model(ShopBusiness shop, HttpServletRequest request, String path) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shop", shop);
        model.put("links", new ShopPageLinks(links, shop));
        model.put("shopPath", path);
        return model;
    }

    private ShopPageCache.Rendered html(String view, Map<String, Object> model, Locale locale, HttpServletRequest request,
                                        HttpServletResponse response, java.util.function.Consumer<Map<String, Object>> fill) {
        fill.accept(model);
        return ShopPageCache.Rendered.of(renderer.render(VIEWS + view, model, locale, request, response),
                new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The address a page is cached under: its path and query as asked. */
    static String address(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).strip() + "…";
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
            return value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String isoDate(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
