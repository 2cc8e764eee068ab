package app.comptoir.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;
import app.comptoir.support.WebSession;

/**
 * The purchasing demo: the Dakar shop's suppliers and orders in every status, the two registered suppliers with
 * their catalogs and the orders their customers sent them, each seen only by the two businesses it concerns. The
 * tables are read under each business, as row-level security shows them.
 */
@IntegrationTest
class PurchasingDemoIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private UUID tenant(String slug) {
        return jdbc.queryForObject("select id from tenants where slug = ?", UUID.class, slug);
    }

    /** Runs a read as the business with this slug (row-level security applies). */
    private <T> T as(String slug, Function<JdbcTemplate, T> read) {
        UUID tenant = tenant(slug);
        return new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.execute(TenantSettings.setLocal(tenant, null));
            return read.apply(jdbc);
        });
    }

    @Test
    void theRegisteredSuppliersAreSupplierBusinessesWithTheirOwnLoginsAfterTheFiveShops() {
        assertThat(jdbc.queryForList("select kind || ' ' || array_to_string(enabled_modules, ',') from tenants "
                + "where slug in ('grossiste-sandaga', 'agri-lyon')", String.class))
                .containsExactly("SUPPLIER PURCHASING", "SUPPLIER PURCHASING");
        assertThat(jdbc.queryForObject("select kind from tenants where slug = 'boutique-awa'", String.class))
                .isEqualTo("MERCHANT");
        assertThat(Api.token(port, "admin@grossiste-sandaga.demo", Api.DEMO_PASSWORD)).isNotBlank();
        assertThat(Api.token(port, "manager@agri-lyon.demo", Api.DEMO_PASSWORD)).isNotBlank();
        assertThat(new WebSession(port).get("/login").body())
                .contains("admin@grossiste-sandaga.demo", "admin@agri-lyon.demo", "Grossiste Sandaga", "Agri Lyon");
    }

    @Test
    void theDakarShopHasManualAndRegisteredSuppliersWithWhatEachSupplies() {
        UUID sandaga = tenant("grossiste-sandaga");
        as("boutique-awa", db -> {
            assertThat(db.queryForObject("select count(*) from suppliers where registered_tenant_id is null", Integer.class))
                    .isGreaterThanOrEqualTo(4);
            assertThat(db.queryForList("select registered_tenant_id from suppliers where registered_tenant_id is not null",
                    UUID.class)).containsExactly(sandaga);
            assertThat(db.queryForObject("select count(*) from suppliers where favourite", Integer.class)).isOne();
            assertThat(db.queryForList("select phone from suppliers", String.class)).allMatch(p -> p.startsWith("+221 "));
            // Every supplied variant has exactly one preferred supplier, and costs less than the shop sells it for.
            assertThat(db.queryForObject("""
                    select count(*) from (select variant_id from supplier_variants group by variant_id
                     having count(*) filter (where preferred) <> 1) wrong""", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(distinct variant_id) from supplier_variants", Integer.class))
                    .isGreaterThan(20);
            assertThat(db.queryForObject("""
                    select count(*) from supplier_variants s join variants v on v.id = s.variant_id
                     where s.cost >= v.price""", Integer.class)).isZero();
            assertThat(db.queryForObject("""
                    select count(*) from supplier_variants s join suppliers f on f.id = s.supplier_id
                     where f.registered_tenant_id is not null and s.supplier_product_id is null""", Integer.class)).isZero();
            assertThat(db.queryForObject("select cost_method from purchasing_settings", String.class))
                    .isEqualTo("WEIGHTED_AVERAGE");
            return null;
        });
    }

    @Test
    void theDakarShopHasOrdersInEveryStatusNumberedWithoutGapsWithTheirTimelinesAndRatings() {
        as("boutique-awa", db -> {
            assertThat(db.queryForList("select distinct status from purchase_orders", String.class))
                    .containsExactlyInAnyOrder("DRAFT", "SENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");
            List<Map<String, Object>> orders = db.queryForList("select * from purchase_orders order by created_at");
            assertThat(orders).hasSizeBetween(20, 40); // 29, and the one the API test below may add
            assertThat(orders).allSatisfy(o -> assertThat((String) o.get("number")).matches("ACH-\\d{4}-\\d{6}"));
            assertThat(db.queryForObject("""
                    select count(*) from purchase_counters c where c.last_value <> (select count(*) from purchase_orders o
                     where o.number like 'ACH-' || c.year || '-%')""", Integer.class)).isZero();
            assertThat(db.queryForObject("select sum(last_value) from purchase_counters", Integer.class))
                    .isEqualTo(orders.size());
            assertThat(db.queryForObject("""
                    select count(*) from purchase_orders o where o.total <> (select sum(l.quantity * l.unit_cost)
                      from purchase_order_lines l where l.order_id = o.id)""", Integer.class)).isZero();
            assertThat(db.queryForObject("""
                    select count(*) from purchase_order_lines l join purchase_orders o on o.id = l.order_id
                     where l.received_quantity <> case when o.status = 'DELIVERED' then l.quantity else 0 end""",
                    Integer.class)).isZero();
            // The timeline has one step per move and ends on the order's status.
            assertThat(db.queryForObject("""
                    select count(*) from purchase_orders o where o.status <> (select h.status from purchase_order_history h
                     where h.order_id = o.id order by h.at desc limit 1)""", Integer.class)).isZero();
            assertThat(db.queryForObject("""
                    select count(*) from purchase_orders where status = 'DELIVERED'
                       and (sent_at is null or confirmed_at is null or shipped_at is null or delivered_at is null
                            or not (created_at < sent_at and sent_at < confirmed_at and confirmed_at < shipped_at
                                    and shipped_at < delivered_at and delivered_at < now()))""", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from purchase_orders where status = 'CANCELLED' and cancel_reason is null",
                    Integer.class)).isZero();
            // A couple of open orders are already late, for the late-delivery alerts to show.
            LocalDate today = LocalDate.now(ZoneId.of("Africa/Dakar"));
            assertThat(db.queryForObject("""
                    select count(*) from purchase_orders where status in ('SENT', 'CONFIRMED', 'SHIPPED') and expected_on < ?""",
                    Integer.class, today)).isBetween(1, 3);
            assertThat(db.queryForObject("select count(*) from supplier_ratings", Integer.class))
                    .isGreaterThan(db.queryForObject("select count(*) from purchase_orders where status = 'DELIVERED'",
                            Integer.class) / 2);
            assertThat(db.queryForObject("select min(score) >= 1 and max(score) <= 5 from supplier_ratings", Boolean.class))
                    .isTrue();
            return null;
        });
    }

    @Test
    void theOrderDeliveredThisMorningWasReceivedIntoStockThroughTheLedger() {
        as("boutique-awa", db -> {
            List<Map<String, Object>> receipts = db.queryForList("""
                    select r.id, o.status from purchase_receipts r join purchase_orders o on o.id = r.order_id""");
            assertThat(receipts).hasSize(1);
            assertThat(receipts.getFirst().get("status")).isEqualTo("DELIVERED");
            // Each receipt line is the whole line, and its RECEIPT movement is in the stock ledger.
            assertThat(db.queryForObject("""
                    select count(*) from purchase_receipt_lines rl join purchase_order_lines l on l.id = rl.line_id
                      join stock_movements m on m.id = rl.movement_id
                     where m.type = 'RECEIPT' and m.quantity = rl.quantity and m.variant_id = rl.variant_id
                       and rl.quantity = l.quantity and m.reference = (select number from purchase_orders where id = l.order_id)""",
                    Integer.class)).isPositive().isEqualTo(db.queryForObject("select count(*) from purchase_receipt_lines",
                    Integer.class));
            assertThat(db.queryForObject("""
                    select count(*) from supplier_ratings r join purchase_receipts p on p.order_id = r.order_id""",
                    Integer.class)).isZero();
            return null;
        });
    }

    @Test
    void theShopkeeperReadsTheDemoOrdersThroughTheApiAndANewOrderContinuesTheNumbering() {
        String manager = Api.token(port, "manager@boutique-awa.demo", Api.DEMO_PASSWORD);
        JsonPath all = Api.as(port, manager).get("/api/v1/purchase-orders?size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(all.getInt("total")).isGreaterThanOrEqualTo(29);
        assertThat(all.getList("items.status", String.class))
                .contains("DRAFT", "SENT", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");

        UUID received = as("boutique-awa", db -> db.queryForObject("select order_id from purchase_receipts", UUID.class));
        JsonPath order = Api.as(port, manager).get("/api/v1/purchase-orders/" + received).then().statusCode(200)
                .extract().jsonPath();
        assertThat(order.getString("status")).isEqualTo("DELIVERED");
        assertThat(order.getList("receipts")).hasSize(1);
        assertThat(order.getList("lines.remaining", Integer.class)).containsOnly(0);
        assertThat(order.getList("history.status", String.class)).containsExactly("DRAFT", "SENT", "CONFIRMED",
                "SHIPPED", "DELIVERED");

        // A connected order's supplier moves came from the supplier's side.
        String connected = all.getString("items.find { it.connected && it.status == 'DELIVERED' }.id");
        assertThat(Api.as(port, manager).get("/api/v1/purchase-orders/" + connected).then().statusCode(200)
                .extract().jsonPath().getList("history.findAll { it.bySupplier }.status", String.class))
                .containsExactly("CONFIRMED", "SHIPPED", "DELIVERED");

        // The next order takes the number after the demo's last one of the year.
        String last = as("boutique-awa", db -> db.queryForObject(
                "select number from purchase_orders order by number desc limit 1", String.class));
        Map<String, Object> line = as("boutique-awa", db -> db.queryForMap("""
                select s.supplier_id, s.variant_id from supplier_variants s join suppliers f on f.id = s.supplier_id
                 where f.registered_tenant_id is null order by s.id limit 1"""));
        String number = Api.as(port, manager).body(Map.of("supplierId", line.get("supplier_id"), "lines",
                        List.of(Map.of("variantId", line.get("variant_id"), "quantity", 12))))
                .post("/api/v1/purchase-orders").then().statusCode(201).extract().path("number");
        int year = LocalDate.now(ZoneId.of("Africa/Dakar")).getYear();
        int next = last.startsWith("ACH-" + year + "-") ? Integer.parseInt(last.substring(9)) + 1 : 1;
        assertThat(number).isEqualTo(String.format("ACH-%d-%06d", year, next));
    }

    @Test
    void eachRegisteredSupplierSeesTheOrdersItsCustomersSentItAndNoOthers() {
        UUID awa = tenant("boutique-awa");
        UUID lilas = tenant("jardin-des-lilas");
        UUID sandaga = tenant("grossiste-sandaga");
        UUID agri = tenant("agri-lyon");
        as("grossiste-sandaga", db -> {
            List<Map<String, Object>> received = db.queryForList("select tenant_id, supplier_tenant_id, buyer_name, status "
                    + "from purchase_orders");
            assertThat(received).hasSizeGreaterThanOrEqualTo(5);
            assertThat(received).allSatisfy(o -> {
                assertThat(o.get("tenant_id")).isEqualTo(awa);
                assertThat(o.get("supplier_tenant_id")).isEqualTo(sandaga);
                assertThat(o.get("buyer_name")).isEqualTo("Boutique Awa");
            });
            assertThat(db.queryForObject("select count(*) from purchase_order_lines", Integer.class)).isPositive();
            assertThat(db.queryForObject("select count(*) from purchase_order_lines where supplier_product_id is null",
                    Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from purchase_order_history where by_supplier", Integer.class))
                    .isPositive();
            assertThat(db.queryForObject("select count(*) from suppliers", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from supplier_ratings where supplier_tenant_id = ?", Integer.class,
                    sandaga)).isPositive();
            // Its catalog: the items the shop's lines point at exist.
            assertThat(db.queryForObject("""
                    select count(*) from purchase_order_lines l where not exists
                      (select 1 from supplier_products p where p.id = l.supplier_product_id and p.tenant_id = ?)""",
                    Integer.class, sandaga)).isZero();
            return null;
        });
        as("agri-lyon", db -> {
            List<UUID> buyers = db.queryForList("select tenant_id from purchase_orders", UUID.class);
            assertThat(buyers).isNotEmpty().containsOnly(lilas);
            assertThat(db.queryForObject("select count(*) from purchase_orders where supplier_tenant_id <> ?", Integer.class,
                    agri)).isZero();
            return null;
        });
        as("jardin-des-lilas", db -> {
            assertThat(db.queryForObject("select count(*) from purchase_orders where supplier_tenant_id = ?", Integer.class,
                    agri)).isGreaterThanOrEqualTo(5);
            return null;
        });
    }

    @Test
    void bothRegisteredSuppliersHaveAVerifiedProfileAndACatalogOnTheMarketplace() {
        for (String slug : List.of("grossiste-sandaga", "agri-lyon")) {
            UUID supplier = tenant(slug);
            as(slug, db -> {
                assertThat(db.queryForObject("select verified and published from supplier_profiles where tenant_id = ?",
                        Boolean.class, supplier)).isTrue();
                assertThat(db.queryForObject("select count(*) from supplier_products where tenant_id = ?", Integer.class,
                        supplier)).isBetween(25, 40);
                assertThat(db.queryForObject("select count(*) from supplier_products where tenant_id = ? and not available",
                        Integer.class, supplier)).isBetween(2, 6);
                return null;
            });
        }
        // Another business reads them (the marketplace), as the Dakar shop does; XOF prices have no decimals.
        as("boutique-awa", db -> {
            assertThat(db.queryForList("select tenant_id from supplier_profiles", UUID.class))
                    .contains(tenant("grossiste-sandaga"), tenant("agri-lyon"));
            assertThat(db.queryForList("select price from supplier_products where tenant_id = ?", BigDecimal.class,
                    tenant("grossiste-sandaga"))).allSatisfy(p -> assertThat(p.stripTrailingZeros().scale()).isLessThanOrEqualTo(0));
            return null;
        });
    }
}
