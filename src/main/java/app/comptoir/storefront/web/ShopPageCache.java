package app.comptoir.storefront.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopCatalog;

/**
 * The shop's rendered catalog pages and store API answers, kept in this node's memory (Caffeine) and sent with an
 * {@code ETag} and {@code Cache-Control: public, max-age=60} (a request carrying the same ETag in
 * {@code If-None-Match} gets a 304 without a body).
 *
 * <p>The key holds everything a page depends on: the business, its catalog version, the language and the address
 * (path and query). The catalog version ({@link ShopCatalog#version}) moves once any change of a product, a
 * picture, a category or a stock level of the business commits on this node, so this node never serves a page older
 * than its own writes: the old entries are simply never asked for again and age out. Writes made on another node
 * of a cluster show within the time to live ({@code comptoir.storefront.page-cache-ttl}, 60 s; 0 turns the cache
 * off). A page nobody asked for yet is rendered once however many visitors ask for it at the same moment.
 */
@Component
class ShopPageCache {

    /** What a cached answer depends on. */
    private record Key(UUID tenantId, long version, String language, String address) {
    }

    /** A rendered answer: its bytes, their type and their ETag. */
    record Rendered(byte[] body, MediaType type, String etag) {

        static Rendered of(byte[] body, MediaType type) {
            return new Rendered(body, type, ShopPageCache.etag(body));
        }
    }

    /** How long browsers and shared caches may keep a catalog page without asking again. */
    static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final ShopCatalog catalog;
    private final boolean enabled;
    private final Cache<Key, Rendered> pages;

    ShopPageCache(ShopCatalog catalog, @Value("${comptoir.storefront.page-cache-ttl:60s}") Duration ttl,
                  @Value("${comptoir.storefront.page-cache-entries:5000}") int maxEntries) {
        this.catalog = catalog;
        this.enabled = !ttl.isZero() && maxEntries > 0;
        this.pages = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1))
                .maximumSize(Math.max(0, maxEntries)).build();
    }

    /** The answer at this address, from memory or rendered now, as a 200 with its ETag (or a 304, by Spring MVC). */
    ResponseEntity<byte[]> respond(ShopBusiness shop, Locale locale, String address, Supplier<Rendered> render) {
        Rendered rendered = get(shop, locale, address, render);
        return ResponseEntity.ok().contentType(rendered.type()).eTag(rendered.etag()).cacheControl(PUBLIC)
                .body(rendered.body());
    }

    Rendered get(ShopBusiness shop, Locale locale, String address, Supplier<Rendered> render) {
        if (!enabled) {
            return render.get();
        }
        Key key = new Key(shop.tenantId(), catalog.version(shop), locale.getLanguage(), address);
        return pages.get(key, k -> render.get());
    }

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            // Weak: the page is the same whether sent compressed or not (and Tomcat compresses no strongly tagged answer).
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
