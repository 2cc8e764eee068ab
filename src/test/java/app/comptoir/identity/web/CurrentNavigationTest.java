package app.comptoir.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.NavigationItem;

/** Which top-bar entry a page lights up. */
class CurrentNavigationTest {

    private static NavigationItem item(String path, int order) {
        return new NavigationItem("nav" + path, path, order, null, Set.of());
    }

    private final NavigationItem dashboard = item("/app", 1);
    private final NavigationItem sales = item("/app/sales", 30);
    private final NavigationItem deliveries = item("/app/sales/deliveries", 35);
    private final NavigationItem purchasing = item("/app/purchasing/orders", 40);
    private final NavigationItem mails = item("/app/notifications/mails", 950);
    private final List<NavigationItem> merchant = List.of(dashboard, sales, deliveries, purchasing, mails);

    @Test
    void theDashboardIsCurrentOnlyOnItself() {
        assertThat(ShellAdvice.current(merchant, "/app")).isSameAs(dashboard);
        assertThat(ShellAdvice.current(merchant, "/app/profile")).isNull();
    }

    @Test
    void theLongestPathWinsAndASectionCoversItsOtherPages() {
        assertThat(ShellAdvice.current(merchant, "/app/sales/orders/12")).isSameAs(sales);
        assertThat(ShellAdvice.current(merchant, "/app/sales/deliveries/today")).isSameAs(deliveries);
        assertThat(ShellAdvice.current(merchant, "/app/purchasing/suppliers/3")).isSameAs(purchasing);
        assertThat(ShellAdvice.current(merchant, "/app/purchasing/orders")).isSameAs(purchasing);
    }

    @Test
    void anAdministrationPageIsNotTheSectionOfItsNeighbours() {
        assertThat(ShellAdvice.current(merchant, "/app/notifications")).isNull();
        assertThat(ShellAdvice.current(merchant, "/app/notifications/mails")).isSameAs(mails);
    }

    @Test
    void aSupplierSeesOnlyTheTabOfThePageItIsOn() {
        NavigationItem home = new NavigationItem("d", "/app/supplier", 1, null, Set.of(), true);
        NavigationItem orders = new NavigationItem("o", "/app/supplier/orders", 2, null, Set.of(), true);
        NavigationItem catalog = new NavigationItem("c", "/app/supplier/catalog", 3, null, Set.of(), true);
        List<NavigationItem> supplier = List.of(home, orders, catalog);
        assertThat(ShellAdvice.current(supplier, "/app/supplier")).isSameAs(home);
        assertThat(ShellAdvice.current(supplier, "/app/supplier/orders/7")).isSameAs(orders);
        assertThat(ShellAdvice.current(supplier, "/app/supplier/catalog")).isSameAs(catalog);
    }
}
