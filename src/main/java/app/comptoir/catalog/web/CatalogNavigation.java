package app.comptoir.catalog.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;

/**
 * The catalog's entry in the back-office navigation, for every role. It points at {@code /app/catalog}
 * (which opens the products) so that the entry stays highlighted on every catalog page: products,
 * categories and import.
 */
@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

    @Bean
    NavigationItem catalogNavigationItem() {
        return new NavigationItem("nav.catalog", "/app/catalog", 10, BusinessModule.CATALOG, Set.of());
    }
}
