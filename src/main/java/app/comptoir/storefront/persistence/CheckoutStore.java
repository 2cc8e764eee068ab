package app.comptoir.storefront.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.Ids;
import app.comptoir.storefront.domain.Cart;
import app.comptoir.storefront.domain.DeliveryRules;

/**
 * Every SQL text of the shop's checkout: the signed-in shoppers' carts ({@code shop_carts}), the delivery rules
 * ({@code shop_settings}) and the orders the shop placed with their slot and payment ({@code shop_orders}).
 */
@Repository
public class CheckoutStore {

    private static final TypeReference<List<Cart.CartLine>> LINES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CheckoutStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The shopper's stored cart, if they have one. */
    public Optional<Cart> cart(UUID tenant, UUID shopper) {
        return jdbc.query("select lines::text from shop_carts where tenant_id = ? and shopper_id = ?",
                (rs, i) -> new Cart(json.readValue(rs.getString(1), LINES)), tenant, shopper).stream().findFirst();
    }

    /** Stores the shopper's cart (one row per shopper, written over). */
    public void storeCart(UUID tenant, UUID shopper, Cart cart, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shop_carts (id, tenant_id, shopper_id, lines, created_at, updated_at)
                values (?, ?, ?, ?::jsonb, ?, ?)
                on conflict (tenant_id, shopper_id) do update set lines = excluded.lines, updated_at = excluded.updated_at""",
                Ids.newId(), tenant, shopper, json.writeValueAsString(cart.lines()), at, at);
    }

    /** The shop's delivery rules, if it set any. */
    public Optional<DeliveryRules> rules(UUID tenant) {
        return jdbc.query("select delivery::text from shop_settings where tenant_id = ?",
                (rs, i) -> json.readValue(rs.getString(1), DeliveryRules.class), tenant).stream().findFirst();
    }

    /** Stores the shop's delivery rules. */
    public void storeRules(UUID tenant, DeliveryRules rules, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shop_settings (id, tenant_id, delivery, created_at, updated_at) values (?, ?, ?::jsonb, ?, ?)
                on conflict (tenant_id) do update set delivery = excluded.delivery, updated_at = excluded.updated_at,
                  version = shop_settings.version + 1""", Ids.newId(), tenant, json.writeValueAsString(rules), at, at);
    }

    /**
     * Serialises the checkouts taking a slot of this day until the transaction ends (a transaction-scoped advisory
     * lock per business and day), so that two orders never both take a slot's last place.
     */
    public void lockSlotDay(UUID tenant, LocalDate day) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", tenant + "|slots|" + day);
    }

    /** The orders in each slot of these days, keyed by {@link DeliveryRules#slotKey}. */
    public Map<String, Integer> slotsTaken(UUID tenant, LocalDate from, LocalDate to) {
        Map<String, Integer> taken = new HashMap<>();
        jdbc.query("""
                select s.slot_day, s.slot_label, count(*) from shop_orders s
                  join sales_orders o on o.tenant_id = s.tenant_id and o.id = s.order_id and o.status <> 'CANCELLED'
                 where s.tenant_id = ? and s.slot_day between ? and ? group by s.slot_day, s.slot_label""",
                rs -> {
                    taken.put(DeliveryRules.slotKey(rs.getDate(1).toLocalDate(), rs.getString(2)), rs.getInt(3));
                }, tenant, Date.valueOf(from), Date.valueOf(to));
        return taken;
    }

    /** Records the shop's part of an order: its shopper, slot and payment choice. */
    public void insertOrder(UUID tenant, UUID orderId, UUID shopper, LocalDate slotDay, String slotLabel,
                            String payment, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shop_orders (id, tenant_id, order_id, shopper_id, slot_day, slot_label, payment, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, order_id) do nothing""",
                Ids.newId(), tenant, orderId, shopper, slotDay == null ? null : Date.valueOf(slotDay), slotLabel,
                payment, at, at);
    }

    /** The shop's part of an order of this shopper, if it is theirs. */
    public Optional<ShopOrder> order(UUID tenant, UUID orderId, UUID shopper) {
        return jdbc.query("""
                select slot_day, slot_label, payment from shop_orders where tenant_id = ? and order_id = ? and shopper_id = ?""",
                (rs, i) -> new ShopOrder(rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate(), rs.getString(2),
                        rs.getString(3)), tenant, orderId, shopper).stream().findFirst();
    }

    /** What the shop knows of an order it placed. */
    public record ShopOrder(LocalDate slotDay, String slotLabel, String payment) {
    }
}
