package app.comptoir.storefront.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import app.comptoir.platform.NotFoundException;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;

/**
 * The language of a shop's pages and store API: the address says it ({@code ?lang=en} or {@code ?lang=fr}), else it
 * is the business's language. Never a cookie nor the browser's preference: a page is the same for everyone who asks
 * for its address, so shared caches and search engines see one page per address (and its {@code hreflang} twin).
 */
@Configuration(proxyBeanMethods = false)
class ShopLanguage implements WebMvcConfigurer {

    private final ShopBusinesses shops;

    ShopLanguage(ShopBusinesses shops) {
        this.shops = shops;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // The platform's cookie resolver answers this request attribute before its cookie.
                request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, locale(request));
                return true;
            }
        }).addPathPatterns("/shop/**", "/api/v1/store/**");
    }

    private Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "fr".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        // /shop/{slug}/… or /api/v1/store/{slug}/…
        String slug = parts.length > 2 && "shop".equals(parts[1]) ? parts[2]
                : parts.length > 4 && "store".equals(parts[3]) ? parts[4] : null;
        if (slug == null) {
            return Locale.FRENCH;
        }
        try {
            return defaultLocale(shops.open(slug));
        } catch (NotFoundException e) {
            return Locale.FRENCH;
        }
    }

    /** The business's language: English or French (the shop's two languages). */
    static Locale defaultLocale(ShopBusiness shop) {
        return shop.locale() != null && shop.locale().startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
    }
}
