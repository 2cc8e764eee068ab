package app.comptoir.platform.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import app.comptoir.platform.TenantContext;

/** French first, English second: {@code ?lang=en} switches and a cookie remembers it. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TenantContext tenantContext;

    WebConfiguration(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("comptoir-lang");
        resolver.setDefaultLocale(Locale.FRENCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        // The shop's pages are the same for every visitor (cached): their language is in their address, never in a
        // cookie (storefront.web.ShopLanguage reads it).
        registry.addInterceptor(lang).excludePathPatterns("/shop/**", "/api/v1/store/**");
        registry.addInterceptor(new AcceptGuard()).addPathPatterns("/api/**");
        registry.addInterceptor(new FormTextGuard()).addPathPatterns("/app/**");
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                tenantContext.principal().ifPresent(p -> {
                    MDC.put("tenantId", p.tenantId().toString());
                    MDC.put("userId", p.userId().toString());
                });
                return true;
            }
        });
    }
}
