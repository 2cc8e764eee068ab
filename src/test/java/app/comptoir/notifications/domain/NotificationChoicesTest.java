package app.comptoir.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.comptoir.notifications.application.Channel;
import app.comptoir.notifications.domain.NotificationChoices.Key;
import app.comptoir.platform.Role;

class NotificationChoicesTest {

    @Test
    void aDriverHearsOfTheOrdersGivenToThemAndTheirFailedDeliveriesByDefault() {
        NotificationChoices driver = new NotificationChoices(Set.of(Role.DRIVER), Map.of());

        assertThat(driver.channels(NotificationType.DRIVER_ASSIGNED)).containsExactlyInAnyOrder(Channel.IN_APP, Channel.PUSH);
        assertThat(driver.channels(NotificationType.DELIVERY_FAILED)).contains(Channel.IN_APP);
        assertThat(driver.channels(NotificationType.ORDER_CREATED)).isEmpty();
        assertThat(driver.channels(NotificationType.STOCK_OUT)).isEmpty();
    }

    @Test
    void aManagerHearsOfNewOrdersStockOutsAndFailedDeliveriesAndAViewerOnlyOfStockOutsInTheApp() {
        NotificationChoices manager = new NotificationChoices(Set.of(Role.MANAGER), Map.of());
        NotificationChoices viewer = new NotificationChoices(Set.of(Role.VIEWER), Map.of());

        assertThat(manager.channels(NotificationType.ORDER_CREATED)).containsExactly(Channel.IN_APP);
        assertThat(manager.channels(NotificationType.STOCK_OUT)).contains(Channel.IN_APP, Channel.EMAIL);
        assertThat(manager.channels(NotificationType.DELIVERY_FAILED)).contains(Channel.IN_APP);
        assertThat(viewer.channels(NotificationType.STOCK_OUT)).containsExactly(Channel.IN_APP);
        assertThat(viewer.channels(NotificationType.ORDER_CREATED)).isEmpty();
    }

    @Test
    void onlyTheChangesFromTheDefaultsAreKept() {
        Set<Role> manager = Set.of(Role.MANAGER);
        Set<Key> wanted = Set.of(new Key(NotificationType.STOCK_OUT, Channel.IN_APP),
                new Key(NotificationType.STOCK_OUT, Channel.EMAIL),
                new Key(NotificationType.DELIVERY_FAILED, Channel.IN_APP),
                new Key(NotificationType.DELIVERY_FAILED, Channel.EMAIL),
                new Key(NotificationType.PURCHASE_UNCONFIRMED, Channel.IN_APP),
                new Key(NotificationType.ORDER_CANCELLED, Channel.PUSH));

        NotificationChoices changed = NotificationChoices.changesFrom(manager, wanted);

        assertThat(changed.changes()).containsOnly(
                Map.entry(new Key(NotificationType.ORDER_CREATED, Channel.IN_APP), false),
                Map.entry(new Key(NotificationType.ORDER_CANCELLED, Channel.PUSH), true));
        assertThat(changed.isOn(NotificationType.ORDER_CREATED, Channel.IN_APP)).isFalse();
        assertThat(changed.isOn(NotificationType.STOCK_OUT, Channel.EMAIL)).isTrue();
    }

    @Test
    void aDriverOnlyHearsOfTheOrdersTheyDriveAndStaffHearOfTheBusiness() {
        assertThat(NotificationType.DELIVERY_FAILED.concerns(Set.of(Role.DRIVER), true)).isTrue();
        assertThat(NotificationType.DELIVERY_FAILED.concerns(Set.of(Role.DRIVER), false)).isFalse();
        assertThat(NotificationType.DRIVER_ASSIGNED.concerns(Set.of(Role.ADMIN), false)).isFalse();
        assertThat(NotificationType.ORDER_CREATED.concerns(Set.of(Role.DRIVER), true)).isFalse();
        assertThat(NotificationType.ORDER_CREATED.concerns(Set.of(Role.VIEWER), false)).isTrue();
        assertThat(NotificationType.ORDER_CREATED.offeredTo(Set.of(Role.DRIVER))).isFalse();
        assertThat(NotificationType.DRIVER_ASSIGNED.offeredTo(Set.of(Role.DRIVER))).isTrue();
    }
}
