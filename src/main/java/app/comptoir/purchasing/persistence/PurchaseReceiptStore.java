package app.comptoir.purchasing.persistence;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of receipts ({@code purchase_receipts} and their lines). A receipt's id is the client's (or
 * derived from its Idempotency-Key): {@link #insert} claims it, so a retry finds it taken and answers with the
 * first receipt.
 */
@Repository
public class PurchaseReceiptStore {

    private final JdbcTemplate jdbc;

    PurchaseReceiptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The request hash stored with the receipt, when it exists (empty) or it has none (an empty string). */
    public Optional<String> requestHash(UUID tenant, UUID id) {
        return jdbc.query("select coalesce(request_hash, '') from purchase_receipts where tenant_id = ? and id = ?",
                (rs, i) -> rs.getString(1), tenant, id).stream().findFirst();
    }

    /**
     * Claims the receipt's id (the row waits for a concurrent transaction that claimed it first): false when
     * it was already taken, and nothing is written.
     */
    public boolean claim(UUID tenant, UUID id, UUID orderId, UUID locationId, java.time.Instant at, UUID by,
                         String note, String requestHash) {
        return jdbc.update("""
                insert into purchase_receipts (id, tenant_id, order_id, location_id, received_at, received_by, note,
                  request_hash) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id, tenant, orderId, locationId, Timestamp.from(at), by, note, requestHash) == 1;
    }

    /** Adds the lines of a claimed receipt. */
    public void insertLines(UUID tenant, UUID receiptId, List<ReceiptView.Line> lines) {
        jdbc.batchUpdate("""
                insert into purchase_receipt_lines (id, tenant_id, receipt_id, line_id, variant_id, quantity,
                  unit_cost, movement_id) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(l -> new Object[] {l.movementId(), tenant, receiptId, l.lineId(), l.variantId(),
                        l.quantity(), l.unitCost(), l.movementId()}).toList());
    }

    /** One receipt with its lines. */
    public Optional<ReceiptView> find(UUID tenant, UUID id) {
        return ofWhere("r.tenant_id = ? and r.id = ?", tenant, id).stream().findFirst();
    }

    /** The receipts of an order, oldest first. */
    public List<ReceiptView> ofOrder(UUID tenant, UUID orderId) {
        return ofWhere("r.tenant_id = ? and r.order_id = ?", tenant, orderId);
    }

    private List<ReceiptView> ofWhere(String where, Object... args) {
        Map<UUID, ReceiptView> receipts = new LinkedHashMap<>();
        jdbc.query("""
                select r.id, r.order_id, r.location_id, r.received_at, r.received_by, r.note,
                       l.line_id, l.variant_id, l.quantity, l.unit_cost, l.movement_id
                  from purchase_receipts r left join purchase_receipt_lines l on l.receipt_id = r.id
                 where %s order by r.received_at, r.id""".formatted(where), rs -> {
            UUID id = rs.getObject("id", UUID.class);
            ReceiptView receipt = receipts.computeIfAbsent(id, k -> {
                try {
                    return new ReceiptView(k, rs.getObject("order_id", UUID.class),
                            rs.getObject("location_id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                            rs.getObject("received_by", UUID.class), rs.getString("note"),
                            new java.util.ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (rs.getObject("line_id") != null) {
                receipt.lines().add(new ReceiptView.Line(rs.getObject("line_id", UUID.class),
                        rs.getObject("variant_id", UUID.class), rs.getInt("quantity"), rs.getBigDecimal("unit_cost"),
                        rs.getObject("movement_id", UUID.class)));
            }
        }, args);
        return receipts.values().stream().map(r -> new ReceiptView(r.id(), r.orderId(), r.locationId(),
                r.receivedAt(), r.receivedBy(), r.note(), List.copyOf(r.lines()))).toList();
    }
}
