package app.comptoir.assistant.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/**
 * The assistant's entry of the back-office navigation, for the roles that may chat (READ under the default matrix),
 * in a business that keeps a catalog: the chat's tools are about products, stock, customers and their orders, which
 * a business without one (the inspection centre) does not have. {@code BusinessModule.ASSISTANT} is not built (the
 * settings offer no switch for it) and the chat API does not depend on it either.
 */
@Configuration(proxyBeanMethods = false)
class AssistantNavigation {

    @Bean
    NavigationItem assistantNavigationItem() {
        return new NavigationItem("nav.assistant", "/app/assistant", 85, BusinessModule.CATALOG,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
