package app.comptoir.channels.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** Channels' entry in the back-office navigation ("Canaux de vente"), for those who read the business's data. */
@Configuration(proxyBeanMethods = false)
class ChannelsNavigation {

    @Bean
    NavigationItem channelsNavigationItem() {
        return new NavigationItem("nav.channels", "/app/channels/listings", 44, BusinessModule.CHANNELS,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
