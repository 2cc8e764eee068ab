package app.comptoir.purchasing.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;

/**
 * The registered supplier's navigation (its business sees only these and the administration menu). Shopkeepers
 * reach the marketplace through the purchasing tabs.
 */
@Configuration(proxyBeanMethods = false)
class SupplierSpaceNavigation {

    @Bean
    NavigationItem supplierDashboardNavigation() {
        return new NavigationItem("nav.supplier.dashboard", "/app/supplier", 1, BusinessModule.PURCHASING, Set.of(), true);
    }

    @Bean
    NavigationItem supplierOrdersNavigation() {
        return new NavigationItem("nav.supplier.orders", "/app/supplier/orders", 2, BusinessModule.PURCHASING, Set.of(),
                true);
    }

    @Bean
    NavigationItem supplierCatalogNavigation() {
        return new NavigationItem("nav.supplier.catalog", "/app/supplier/catalog", 3, BusinessModule.PURCHASING,
                Set.of(), true);
    }

    @Bean
    NavigationItem supplierProfileNavigation() {
        return new NavigationItem("nav.supplier.profile", "/app/supplier/profile", 4, BusinessModule.PURCHASING,
                Set.of(), true);
    }
}
