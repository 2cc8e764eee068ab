package app.comptoir.purchasing.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** Purchasing's entry in the back-office navigation, for those who read the business's data. */
@Configuration(proxyBeanMethods = false)
class PurchasingNavigation {

    @Bean
    NavigationItem purchasingNavigationItem() {
        return new NavigationItem("nav.purchasing", "/app/purchasing/orders", 40, BusinessModule.PURCHASING,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
