package app.comptoir.notifications.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The "Webhooks" entry of the administration menu (administrators). */
@Configuration(proxyBeanMethods = false)
class WebhookNavigation {

    @Bean
    NavigationItem webhooksNavigation() {
        return new NavigationItem("nav.webhooks", "/app/settings/webhooks", 935, null, Set.of(Role.ADMIN));
    }
}
