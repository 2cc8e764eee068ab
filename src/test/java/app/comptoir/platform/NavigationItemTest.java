package app.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NavigationItemTest {

    private static final Set<BusinessModule> ALL_MODULES = EnumSet.allOf(BusinessModule.class);

    @Test
    void anEntryWithoutModuleOrRolesIsShownToEveryone() {
        NavigationItem dashboard = new NavigationItem("nav.dashboard", "/app", 0, null, Set.of());

        assertThat(dashboard.visibleTo(Set.of(Role.VIEWER), Set.of())).isTrue();
        assertThat(dashboard.visibleTo(Set.of(Role.DRIVER), ALL_MODULES)).isTrue();
    }

    @Test
    void anEntryOfAModuleTheTenantSwitchedOffIsHidden() {
        NavigationItem bookings = new NavigationItem("nav.bookings", "/app/bookings", 10, BusinessModule.BOOKINGS, Set.of());

        assertThat(bookings.visibleTo(Set.of(Role.ADMIN), EnumSet.of(BusinessModule.CATALOG))).isFalse();
        assertThat(bookings.visibleTo(Set.of(Role.ADMIN), EnumSet.of(BusinessModule.BOOKINGS))).isTrue();
    }

    @Test
    void anEntryForSomeRolesIsShownToAUserHoldingAnyOfThem() {
        NavigationItem purchasing = new NavigationItem("nav.purchasing", "/app/purchasing", 20,
                BusinessModule.PURCHASING, Set.of(Role.ADMIN, Role.MANAGER));

        assertThat(purchasing.visibleTo(Set.of(Role.MANAGER, Role.DRIVER), ALL_MODULES)).isTrue();
        assertThat(purchasing.visibleTo(Set.of(Role.VIEWER), ALL_MODULES)).isFalse();
        assertThat(purchasing.visibleTo(Set.of(), ALL_MODULES)).isFalse();
    }

    @Test
    void bothTheModuleAndTheRoleMustAllowIt() {
        NavigationItem inventory = new NavigationItem("nav.inventory", "/app/inventory", 30, BusinessModule.INVENTORY,
                Set.of(Role.MANAGER));

        assertThat(inventory.visibleTo(Set.of(Role.MANAGER), EnumSet.of(BusinessModule.SALES))).isFalse();
        assertThat(inventory.visibleTo(Set.of(Role.VIEWER), EnumSet.of(BusinessModule.INVENTORY))).isFalse();
        assertThat(inventory.visibleTo(Set.of(Role.MANAGER), EnumSet.of(BusinessModule.INVENTORY))).isTrue();
    }

    @Test
    void changingTheRoleSetAfterwardsDoesNotChangeTheEntry() {
        Set<Role> roles = new HashSet<>(Set.of(Role.ADMIN));
        NavigationItem settings = new NavigationItem("nav.settings", "/app/settings", 90, null, roles);

        roles.add(Role.VIEWER);

        assertThat(settings.visibleTo(Set.of(Role.VIEWER), ALL_MODULES)).isFalse();
    }

    @Test
    void entriesFromNineHundredOnGoUnderTheAdministrationMenu() {
        NavigationItem users = new NavigationItem("nav.users", "/app/users", 900, null, Set.of(Role.ADMIN));
        NavigationItem reporting = new NavigationItem("nav.reporting", "/app/reporting", 80, BusinessModule.REPORTING,
                Set.of());

        assertThat(users.administration()).isTrue();
        assertThat(reporting.administration()).isFalse();
    }
}
