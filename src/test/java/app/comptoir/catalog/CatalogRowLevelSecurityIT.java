package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.TenantContext;
import app.comptoir.support.IntegrationTest;

/** The database itself keeps tenants apart in the catalog tables, even for SQL that forgets to filter. */
@IntegrationTest
class CatalogRowLevelSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantContext tenantContext;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void unfilteredQueriesOnlySeeTheCurrentTenantsCatalog() {
        CatalogApi shop = CatalogApi.newShop(port);
        String productId = shop.create(simple("Isolé", "RLS-1", "1")).path("id");
        UUID tenant = UUID.fromString(shop.call().get("/api/v1/tenant").then().extract().path("id"));
        TransactionTemplate tx = new TransactionTemplate(transactionManager);

        for (String table : List.of("products", "variants")) {
            Long mine = tenantContext.callAs(tenant, () -> tx.execute(s ->
                    jdbc.queryForObject("select count(*) from " + table, Long.class)));
            assertThat(mine).as(table).isEqualTo(1);
            Long none = tx.execute(s -> jdbc.queryForObject("select count(*) from " + table, Long.class));
            assertThat(none).as(table + " without a tenant").isZero();
        }
        Long elsewhere = tenantContext.callAs(UUID.randomUUID(), () -> tx.execute(s ->
                jdbc.queryForObject("select count(*) from products where id = ?", Long.class, UUID.fromString(productId))));
        assertThat(elsewhere).isZero();
        // Writing a row for another tenant is refused by the policy.
        assertThatThrownBy(() -> tenantContext.runAs(UUID.randomUUID(), () -> tx.executeWithoutResult(s ->
                jdbc.update("insert into categories (id, tenant_id, name, position, created_at, updated_at) "
                        + "values (?, ?, 'x', 0, now(), now())", UUID.randomUUID(), tenant))))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    @Test
    void theSearchWordTableOnlyGivesTheCurrentBusinessItsProducts() {
        CatalogApi mine = CatalogApi.newShop(port);
        CatalogApi theirs = CatalogApi.newShop(port);
        String myProduct = mine.create(simple("Arrosoir Zorglub", "ZRG-1", "9")).path("id");
        String theirProduct = theirs.create(simple("Arrosoir Zorglub", "ZRG-1", "9")).path("id");
        theirs.create(simple("Sécateur Marsupilami", "MRS-1", "9"));
        UUID myTenant = UUID.fromString(mine.call().get("/api/v1/tenant").then().extract().path("id"));
        UUID theirTenant = UUID.fromString(theirs.call().get("/api/v1/tenant").then().extract().path("id"));

        // The list finds its candidates in catalog_search_terms: the same word in two businesses stays apart.
        assertThat(mine.call().get("/api/v1/products?q=zorglub").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(myProduct);
        assertThat(theirs.call().get("/api/v1/products?q=zorglub").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).containsExactly(theirProduct);
        assertThat(mine.call().get("/api/v1/products?q=marsupilami").then().statusCode(200).extract().jsonPath()
                .getInt("total")).isZero();

        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        String unfiltered = "select count(distinct product_id) from catalog_search_terms where lexeme = 'zorglub'";
        Long mineOnly = tenantContext.callAs(myTenant, () -> tx.execute(status -> jdbc.queryForObject(unfiltered, Long.class)));
        assertThat(mineOnly).isEqualTo(1);
        Long theirsSeen = tenantContext.callAs(myTenant, () -> tx.execute(status -> jdbc.queryForObject(
                "select count(*) from catalog_search_terms where tenant_id = ?", Long.class, theirTenant)));
        assertThat(theirsSeen).isZero();
        Long withoutTenant = tx.execute(status -> jdbc.queryForObject(unfiltered, Long.class));
        assertThat(withoutTenant).as("without a tenant").isZero();
        // Planting a word for another business's product is refused by the policy.
        assertThatThrownBy(() -> tenantContext.runAs(myTenant, () -> tx.executeWithoutResult(status -> jdbc.update(
                "insert into catalog_search_terms (tenant_id, lexeme, product_id) values (?, 'zorglub', ?)",
                theirTenant, UUID.fromString(theirProduct)))))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }
}
