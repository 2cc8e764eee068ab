package app.comptoir.storefront.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.platform.PublicRequests;
import app.comptoir.storefront.application.ShopBusiness;

/**
 * The addresses of a shop's pages, as the shop writes them: in the
 * business's language they carry no {@code lang}, in the other one they carry {@code ?lang=en|fr}, so every page
 * links to pages in its own language and each language has its own address (for caches and search engines). Templates
 * reach it through {@link ShopPageLinks} (Thymeleaf refuses bean references in link attributes).
 */
@Component("shopLinks")
public class ShopLinks {

    /** The shop's home page. */
    public String home(ShopBusiness shop) {
        return to(shop, shop.catalog() ? "" : "/account");
    }

    /** A page of the shop: {@code path} starts with a slash (or is empty for the home page) and may have a query. */
    public String to(ShopBusiness shop, String path) {
        return contextPath() + withLanguage(shop, "/shop/" + shop.slug() + path, LocaleContextHolder.getLocale());
    }

    public String category(ShopBusiness shop, UUID categoryId) {
        return to(shop, "/categories/" + categoryId);
    }

    public String product(ShopBusiness shop, UUID productId) {
        return to(shop, "/products/" + productId);
    }

    public String search(ShopBusiness shop) {
        return to(shop, "/search");
    }

    /** The search for a tag. */
    public String tag(ShopBusiness shop, String tag) {
        return to(shop, "/search?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
    }

    /** A picture of a product, or its thumbnail (the same in every language). */
    public String picture(ShopBusiness shop, UUID productId, UUID imageId, boolean thumb) {
        return contextPath() + "/shop/" + shop.slug() + "/products/" + productId + "/images/" + imageId
                + (thumb ? "?thumb=true" : "");
    }

    /** The {@code srcset} of a picture: its thumbnail (320 px on its longest side) and the picture itself. */
    public String srcset(ShopBusiness shop, UUID productId, ProductImageView image) {
        String full = picture(shop, productId, image.id(), false) + " " + image.width() + "w";
        int longest = Math.max(image.width(), image.height());
        if (longest <= 320) {
            return full;
        }
        long thumbWidth = Math.max(1, Math.round(image.width() * 320.0 / longest));
        return picture(shop, productId, image.id(), true) + " " + thumbWidth + "w, " + full;
    }

    /** The whole address of a shop page in a language (canonical links, hreflang, sitemap, Open Graph). */
    public String absolute(ShopBusiness shop, String path, Locale locale) {
        return PublicRequests.siteUrl() + withLanguage(shop, "/shop/" + shop.slug() + path, locale);
    }

    /** The whole address of a picture. */
    public String absolutePicture(ShopBusiness shop, UUID productId, UUID imageId) {
        return PublicRequests.siteUrl() + "/shop/" + shop.slug() + "/products/" + productId + "/images/" + imageId;
    }

    /** The {@code lang} parameter the current page's links carry ({@code en}, {@code fr}), or null in the business's language. */
    public String lang(ShopBusiness shop) {
        Locale locale = LocaleContextHolder.getLocale();
        return locale.getLanguage().equals(ShopLanguage.defaultLocale(shop).getLanguage()) ? null : locale.getLanguage();
    }

    static String withLanguage(ShopBusiness shop, String path, Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "fr";
        if (language.equals(ShopLanguage.defaultLocale(shop).getLanguage())) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + "lang=" + language;
    }

    String contextPath() {
        String path = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
        return path == null ? "" : path;
    }
}
