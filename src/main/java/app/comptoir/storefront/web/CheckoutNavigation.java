package app.comptoir.storefront.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The online shop's delivery settings in the navigation (administrators, when the shop is on). */
@Configuration(proxyBeanMethods = false)
class CheckoutNavigation {

    @Bean
    NavigationItem shopDeliveryNavigationItem() {
        return new NavigationItem("storefront.settings.nav", "/app/settings/shop", 916, BusinessModule.STOREFRONT,
                Set.of(Role.ADMIN));
    }
}
