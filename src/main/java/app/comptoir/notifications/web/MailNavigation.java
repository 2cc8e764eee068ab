package app.comptoir.notifications.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** The "Journal des e-mails" entry of the administration menu (administrators). */
@Configuration(proxyBeanMethods = false)
class MailNavigation {

    @Bean
    NavigationItem mailLogNavigation() {
        return new NavigationItem("nav.mails", "/app/notifications/mails", 930, null, Set.of(Role.ADMIN));
    }
}
