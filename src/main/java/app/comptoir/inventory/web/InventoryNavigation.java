package app.comptoir.inventory.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;

/** The inventory's entry in the back-office navigation, for every role. */
@Configuration(proxyBeanMethods = false)
class InventoryNavigation {

    @Bean
    NavigationItem inventoryNavigationItem() {
        return new NavigationItem("nav.inventory", "/app/inventory/stock", 20, BusinessModule.INVENTORY, Set.of());
    }
}
