package app.comptoir.identity.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/**
 * The foundation's entries of the back-office navigation. Orders leave room: business modules take
 * 100 to 899, administration comes last.
 */
@Configuration(proxyBeanMethods = false)
class ShellNavigation {

    @Bean
    NavigationItem dashboardNavigation() {
        return new NavigationItem("nav.dashboard", "/app", 0, null, Set.of());
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("nav.users", "/app/users", 900, null, Set.of(Role.ADMIN));
    }

    @Bean
    NavigationItem settingsNavigation() {
        return new NavigationItem("nav.settings", "/app/settings", 910, null, Set.of(Role.ADMIN));
    }
}
