package app.comptoir.purchasing.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The demo's purchasing rows, written in bulk (one batch per table) by the demo data only: the services write
 * one order at a time through their own stores. Authors are left to the tables' triggers (the system actor).
 * Every statement runs under the current tenant, so row-level security checks each row like any other write.
 */
@Repository
public class DemoPurchasingRows {

    private static final int U = Types.OTHER;
    private static final int S = Types.VARCHAR;
    private static final int I = Types.INTEGER;
    private static final int N = Types.NUMERIC;
    private static final int T = Types.TIMESTAMP;
    private static final int B = Types.BOOLEAN;
    private static final int D = Types.DATE;

    private final JdbcTemplate jdbc;

    DemoPurchasingRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A registered supplier's commercial profile. */
    public record Profile(UUID tenantId, String company, String description, String city, List<String> zones,
                          List<String> categories, BigDecimal minimumOrder, String currency, int deliveryDays,
                          String phone, String email, Instant at) {
    }

    /** An item of a registered supplier's catalog. */
    public record Product(UUID id, UUID tenantId, String name, String category, String description, BigDecimal price,
                          String unit, int minQuantity, Integer stock, boolean available, Instant at) {
    }

    /** A supplier of the buying business, manual or linked to a registered supplier. */
    public record Supplier(UUID id, UUID tenantId, String name, String contact, String phone, String email,
                           String address, String city, String notes, boolean favourite, UUID registeredTenantId,
                           Instant at) {
    }

    /** What a supplier supplies of the business's catalog. */
    public record SupplierVariant(UUID id, UUID tenantId, UUID supplierId, UUID variantId, String supplierSku,
                                  BigDecimal cost, int packSize, int minQuantity, Integer leadTimeDays,
                                  boolean preferred, UUID supplierProductId, Instant at) {
    }

    /** A purchase order with its status dates; {@code receivedQuantity} is carried by its lines. */
    public record Order(UUID id, UUID tenantId, String number, UUID supplierId, UUID supplierTenantId,
                        String supplierName, String buyerName, String status, String currency, BigDecimal total,
                        LocalDate expectedOn, String notes, UUID deliveryLocationId, Instant sentAt,
                        Instant confirmedAt, Instant shippedAt, Instant deliveredAt, Instant cancelledAt,
                        String cancelReason, Instant createdAt, Instant updatedAt) {
    }

    /** A line of a purchase order. */
    public record Line(UUID id, UUID tenantId, UUID supplierTenantId, UUID orderId, int position, UUID variantId,
                       UUID supplierProductId, String sku, String label, int quantity, BigDecimal unitCost,
                       int receivedQuantity) {
    }

    /** A step of an order's timeline. */
    public record History(UUID id, UUID tenantId, UUID supplierTenantId, UUID orderId, String status, String note,
                          boolean bySupplier, Instant at) {
    }

    /** A buyer's rating of a delivered order. */
    public record Rating(UUID id, UUID tenantId, UUID supplierId, UUID supplierTenantId, UUID orderId, int score,
                         String comment, String buyerName, Instant at) {
    }

    /** Whether the current business already has purchasing demo data (as a buyer or as a supplier). */
    public boolean present(UUID tenantId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from suppliers where tenant_id = ?)
                    or exists (select 1 from supplier_profiles where tenant_id = ?)""", Boolean.class, tenantId, tenantId));
    }

    public void insertProfile(Profile p) {
        jdbc.update("""
                insert into supplier_profiles (tenant_id, company, description, city, delivery_zones, categories,
                  minimum_order, currency, average_delivery_days, phone, email, verified, published, created_at, updated_at)
                values (?, ?, ?, ?, string_to_array(?, '|'), string_to_array(?, '|'), ?, ?, ?, ?, ?, true, true, ?, ?)""",
                p.tenantId(), p.company(), p.description(), p.city(), String.join("|", p.zones()),
                String.join("|", p.categories()), p.minimumOrder(), p.currency(), p.deliveryDays(), p.phone(), p.email(),
                ts(p.at()), ts(p.at()));
    }

    public void insertProducts(List<Product> products) {
        jdbc.batchUpdate("""
                insert into supplier_products (id, tenant_id, name, category, description, price, unit, min_quantity,
                  available_stock, available, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                products.stream().map(p -> new Object[] {p.id(), p.tenantId(), p.name(), p.category(), p.description(),
                        p.price(), p.unit(), p.minQuantity(), p.stock(), p.available(), ts(p.at()), ts(p.at())}).toList(),
                new int[] {U, U, S, S, S, N, S, I, I, B, T, T});
    }

    public void insertSuppliers(List<Supplier> suppliers) {
        jdbc.batchUpdate("""
                insert into suppliers (id, tenant_id, name, contact_name, phone, email, address, city, notes, favourite,
                  registered_tenant_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                suppliers.stream().map(s -> new Object[] {s.id(), s.tenantId(), s.name(), s.contact(), s.phone(),
                        s.email(), s.address(), s.city(), s.notes(), s.favourite(), s.registeredTenantId(), ts(s.at()),
                        ts(s.at())}).toList(),
                new int[] {U, U, S, S, S, S, S, S, S, B, U, T, T});
    }

    public void insertSupplierVariants(List<SupplierVariant> links) {
        jdbc.batchUpdate("""
                insert into supplier_variants (id, tenant_id, supplier_id, variant_id, supplier_sku, cost, pack_size,
                  min_quantity, lead_time_days, preferred, supplier_product_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                links.stream().map(v -> new Object[] {v.id(), v.tenantId(), v.supplierId(), v.variantId(), v.supplierSku(),
                        v.cost(), v.packSize(), v.minQuantity(), v.leadTimeDays(), v.preferred(), v.supplierProductId(),
                        ts(v.at()), ts(v.at())}).toList(),
                new int[] {U, U, U, U, S, N, I, I, I, B, U, T, T});
    }

    /** The orders, their lines and timelines, and the year counters their numbers came from. */
    public void insertOrders(List<Order> orders, List<Line> lines, List<History> history,
                             List<int[]> lastNumberPerYear, UUID tenantId) {
        jdbc.batchUpdate("""
                insert into purchase_orders (id, tenant_id, number, supplier_id, supplier_tenant_id, supplier_name,
                  buyer_name, status, currency, total, expected_on, notes, delivery_location_id, sent_at, confirmed_at,
                  shipped_at, delivered_at, cancelled_at, cancel_reason, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                orders.stream().map(o -> new Object[] {o.id(), o.tenantId(), o.number(), o.supplierId(),
                        o.supplierTenantId(), o.supplierName(), o.buyerName(), o.status(), o.currency(), o.total(),
                        o.expectedOn() == null ? null : Date.valueOf(o.expectedOn()), o.notes(), o.deliveryLocationId(),
                        ts(o.sentAt()), ts(o.confirmedAt()), ts(o.shippedAt()), ts(o.deliveredAt()), ts(o.cancelledAt()),
                        o.cancelReason(), ts(o.createdAt()), ts(o.updatedAt())}).toList(),
                new int[] {U, U, S, U, U, S, S, S, S, N, D, S, U, T, T, T, T, T, S, T, T});
        jdbc.batchUpdate("""
                insert into purchase_order_lines (id, tenant_id, supplier_tenant_id, order_id, position, variant_id,
                  supplier_product_id, sku, label, quantity, unit_cost, received_quantity)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(l -> new Object[] {l.id(), l.tenantId(), l.supplierTenantId(), l.orderId(),
                        l.position(), l.variantId(), l.supplierProductId(), l.sku(), l.label(), l.quantity(),
                        l.unitCost(), l.receivedQuantity()}).toList(),
                new int[] {U, U, U, U, I, U, U, S, S, I, N, I});
        jdbc.batchUpdate("""
                insert into purchase_order_history (id, tenant_id, supplier_tenant_id, order_id, status, note,
                  by_supplier, at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                history.stream().map(h -> new Object[] {h.id(), h.tenantId(), h.supplierTenantId(), h.orderId(),
                        h.status(), h.note(), h.bySupplier(), ts(h.at())}).toList(),
                new int[] {U, U, U, U, S, S, B, T});
        jdbc.batchUpdate("insert into purchase_counters (tenant_id, year, last_value) values (?, ?, ?)",
                lastNumberPerYear.stream().map(c -> new Object[] {tenantId, c[0], (long) c[1]}).toList(),
                new int[] {U, I, Types.BIGINT});
    }

    public void insertRatings(List<Rating> ratings) {
        jdbc.batchUpdate("""
                insert into supplier_ratings (id, tenant_id, supplier_id, supplier_tenant_id, order_id, score, comment,
                  buyer_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ratings.stream().map(r -> new Object[] {r.id(), r.tenantId(), r.supplierId(), r.supplierTenantId(),
                        r.orderId(), r.score(), r.comment(), r.buyerName(), ts(r.at())}).toList(),
                new int[] {U, U, U, U, U, I, S, S, T});
    }

    public void insertSettings(UUID tenantId, String costMethod, int reminderDays, Instant at) {
        jdbc.update("""
                insert into purchasing_settings (tenant_id, cost_method, reminder_days, created_at, updated_at)
                values (?, ?, ?, ?, ?)""", tenantId, costMethod, reminderDays, ts(at), ts(at));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
