package app.comptoir.reporting.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The statistics entry of the back-office navigation; drivers have no use for it. */
@Configuration(proxyBeanMethods = false)
class ReportingNavigation {

    @Bean
    NavigationItem reportingNavigationItem() {
        return new NavigationItem("nav.reporting", "/app/reporting/stock", 80, BusinessModule.REPORTING,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
