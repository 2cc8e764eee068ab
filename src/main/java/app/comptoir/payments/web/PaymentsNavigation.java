package app.comptoir.payments.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The payments entries of the navigation: the day's payments and cash drawer, and (admins) the online payment keys. */
@Configuration(proxyBeanMethods = false)
class PaymentsNavigation {

    @Bean
    NavigationItem paymentsNavigationItem() {
        return new NavigationItem("nav.payments", "/app/payments", 45, BusinessModule.PAYMENTS,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }

    @Bean
    NavigationItem paymentSettingsNavigationItem() {
        return new NavigationItem("nav.paymentSettings", "/app/settings/payments", 915, BusinessModule.PAYMENTS,
                Set.of(Role.ADMIN));
    }
}
