package app.comptoir.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellAdviceTest {

    private static final List<String> SUPPLIER_SPACE = List.of("/app/supplier", "/app/supplier/orders",
            "/app/supplier/catalog", "/app/supplier/profile", "/app/users", "/app/settings", "/app/settings/legal");

    @Test
    void onlyTheMostSpecificEntryOfAPageIsTheCurrentOne() {
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/supplier/orders/0192")).isEqualTo("/app/supplier/orders");
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/supplier/orders")).isEqualTo("/app/supplier/orders");
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/supplier")).isEqualTo("/app/supplier");
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/settings/legal")).isEqualTo("/app/settings/legal");
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/settings/currency")).isEqualTo("/app/settings");
        assertThat(ShellAdvice.activePath(SUPPLIER_SPACE, "/app/supplierx")).isNull();
    }

    @Test
    void theDashboardIsCurrentOnlyOnItself() {
        List<String> shop = List.of("/app", "/app/catalog", "/app/sales", "/app/sales/deliveries");
        assertThat(ShellAdvice.activePath(shop, "/app")).isEqualTo("/app");
        assertThat(ShellAdvice.activePath(shop, "/app/account")).isNull();
        assertThat(ShellAdvice.activePath(shop, "/app/sales/deliveries")).isEqualTo("/app/sales/deliveries");
        assertThat(ShellAdvice.activePath(shop, "/app/sales/orders/42")).isEqualTo("/app/sales");
    }
}
