package app.comptoir.platform.events;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Puts {@link DeferredCompletionRegistry} in the place of Spring Modulith's registry (its bean
 * {@value #REGISTRY}, which Modulith declares without a condition): the same name, so that the multicaster and the
 * completion advisor, which look it up by type, use it.
 */
@Configuration(proxyBeanMethods = false)
class EventRegistryConfiguration {

    static final String REGISTRY = "eventPublicationRegistry";

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BeanDefinitionRegistryPostProcessor deferredCompletionRegistryInstaller() {
        return registry -> replace(registry);
    }

    private static void replace(BeanDefinitionRegistry registry) {
        if (!registry.containsBeanDefinition(REGISTRY)) {
            // A context without the persistent registry (a module test): nothing to replace. That the application's
            // registry is this one is checked by EventPublicationRegistryIT, in case an upgrade renamed the bean.
            return;
        }
        registry.removeBeanDefinition(REGISTRY);
        RootBeanDefinition replacement = new RootBeanDefinition(DeferredCompletionRegistry.class);
        replacement.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        replacement.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(REGISTRY, replacement);
    }
}
