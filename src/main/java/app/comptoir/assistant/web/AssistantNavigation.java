package app.comptoir.assistant.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/**
 * The assistant's entry of the back-office navigation, for the roles that may chat (READ under the default matrix).
 * It names no module: {@code BusinessModule.ASSISTANT} is not built (the settings offer no switch for it) and the
 * chat API does not depend on it either, so the entry follows the API.
 */
@Configuration(proxyBeanMethods = false)
class AssistantNavigation {

    @Bean
    NavigationItem assistantNavigationItem() {
        return new NavigationItem("nav.assistant", "/app/assistant", 85, null,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
