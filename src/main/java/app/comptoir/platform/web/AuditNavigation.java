package app.comptoir.platform.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The audit trail's entry in the navigation, last among the administration pages. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return new NavigationItem("nav.audit", "/app/audit", 920, null, Set.of(Role.ADMIN));
    }
}
