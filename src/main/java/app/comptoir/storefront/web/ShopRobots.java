package app.comptoir.storefront.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.PublicRequests;

/**
 * {@code /robots.txt}: search engines may read the shops' catalog pages and their pictures, not the back office, the
 * API, nor a shopper's own pages (account, cart, checkout, the header's part about them); each open shop's sitemap
 * is named.
 */
@Controller
class ShopRobots {

    private final Tenants tenants;

    ShopRobots(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping(value = "/robots.txt")
    ResponseEntity<String> robots() {
        StringBuilder text = new StringBuilder("""
                User-agent: *
                Allow: /shop/
                Disallow: /app
                Disallow: /api
                Disallow: /shop/*/account
                Disallow: /shop/*/cart
                Disallow: /shop/*/checkout
                Disallow: /shop/*/header
                Disallow: /shop/*/search
                Disallow: /login
                Disallow: /signup

                """);
        String site = PublicRequests.siteUrl();
        for (String slug : tenants.merchantSlugsWith(BusinessModule.STOREFRONT)) {
            text.append("Sitemap: ").append(site).append("/shop/").append(slug).append("/sitemap.xml\n");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(text.toString());
    }
}
