package app.comptoir.inspections.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** Inspections' entry in the back-office navigation ("Contrôles"), for those who read the business's data. */
@Configuration(proxyBeanMethods = false)
class InspectionsNavigation {

    @Bean
    NavigationItem inspectionsNavigationItem() {
        return new NavigationItem("nav.inspections", "/app/inspections", 43, BusinessModule.INSPECTIONS,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
