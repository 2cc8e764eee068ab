package app.comptoir.identity.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The "Identité légale" settings entry (administrators), next to the business's settings. */
@Configuration(proxyBeanMethods = false)
class LegalNavigation {

    @Bean
    NavigationItem legalIdentityNavigation() {
        return new NavigationItem("nav.legal", "/app/settings/legal", 911, null, Set.of(Role.ADMIN));
    }
}
