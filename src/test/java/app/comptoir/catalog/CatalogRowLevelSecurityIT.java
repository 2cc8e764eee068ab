package app.comptoir.catalog;

import static app.comptoir.catalog.CatalogApi.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
    void aCategoryListOfAnotherBusinessFindsNothingThroughTheIndexedCategoryPath() {
        CatalogApi mine = CatalogApi.newShop(port);
        CatalogApi theirs = CatalogApi.newShop(port);
        String theirCategory = theirs.createCategory("Arrosoirs", null);
        Map<String, Object> product = simple("Arrosoir Zorglub", "ZRG-1", "9");
        product.put("categoryId", theirCategory);
        String theirProduct = theirs.create(product).path("id");
        mine.create(simple("Arrosoir Zorglub", "ZRG-1", "9"));
        UUID theirTenant = UUID.fromString(theirs.call().get("/api/v1/tenant").then().extract().path("id"));

        // The list reads the category's products by (tenant_id, category_id): its owner finds them...
        assertThat(theirs.call().get("/api/v1/products?category=" + theirCategory + "&q=zorglub").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).containsExactly(theirProduct);
        // ...another business naming that category, with or without text, finds none of them.
        for (String query : List.of("?category=" + theirCategory, "?category=" + theirCategory + "&q=zorglub")) {
            assertThat(mine.call().get("/api/v1/products" + query).then().statusCode(200).extract().jsonPath()
                    .getInt("total")).as(query).isZero();
        }
        // And the same SQL shape run for my business without any tenant filter of its own sees none of their rows.
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        UUID myTenant = UUID.fromString(mine.call().get("/api/v1/tenant").then().extract().path("id"));
        Long seen = tenantContext.callAs(myTenant, () -> tx.execute(status -> jdbc.queryForObject(
                "select count(*) from products p where p.category_id = any(array(select c.id from categories c))"
                        + " or p.tenant_id = ?", Long.class, theirTenant)));
        assertThat(seen).isZero();
    }
}
