package app.comptoir.sales.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/**
 * The sales entries of the back-office navigation: orders, quotes and customers for the office team, and
 * the deliveries assigned to them for drivers.
 */
@Configuration(proxyBeanMethods = false)
class SalesNavigation {

    @Bean
    NavigationItem salesNavigationItem() {
        return new NavigationItem("nav.sales", "/app/sales", 30, BusinessModule.SALES,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }

    @Bean
    NavigationItem deliveriesNavigationItem() {
        return new NavigationItem("nav.deliveries", "/app/sales/deliveries", 35, BusinessModule.SALES, Set.of(Role.DRIVER));
    }
}
