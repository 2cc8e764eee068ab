package app.comptoir.bookings.web;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NavigationItem;
import app.comptoir.platform.Role;

/** Bookings' entry in the back-office navigation ("Rendez-vous"), for those who read the business's data. */
@Configuration(proxyBeanMethods = false)
class BookingNavigation {

    @Bean
    NavigationItem bookingsNavigationItem() {
        return new NavigationItem("nav.bookings", "/app/bookings", 42, BusinessModule.BOOKINGS,
                Set.of(Role.ADMIN, Role.MANAGER, Role.VIEWER));
    }
}
