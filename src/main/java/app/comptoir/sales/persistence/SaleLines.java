package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import app.comptoir.sales.domain.LineView;

/** Writes and reads the lines of orders ({@code sales_order_lines}) and quotes ({@code sales_quote_lines}). */
@Component
public class SaleLines {

    /** Which lines: the table and the column naming their document. */
    public enum Kind {
        ORDER("sales_order_lines", "order_id", "returned_quantity"),
        QUOTE("sales_quote_lines", "quote_id", "0");

        final String table;
        final String parent;
        final String returned;

        Kind(String table, String parent, String returned) {
            this.table = table;
            this.parent = parent;
            this.returned = returned;
        }
    }

    private static final RowMapper<LineView> LINE = (rs, i) -> new LineView(rs.getObject("id", UUID.class),
            rs.getObject("variant_id", UUID.class), rs.getString("sku"), rs.getString("label"), rs.getInt("quantity"),
            rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount"), rs.getBigDecimal("vat_rate"),
            rs.getBigDecimal("net"), rs.getInt("returned"));

    private final JdbcTemplate jdbc;

    SaleLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the lines after the given position, in one batch. */
    public void insert(Kind kind, UUID tenant, UUID parentId, List<LineView> lines, int afterPosition) {
        if (lines.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineView l = lines.get(i);
            rows.add(new Object[] {l.id(), tenant, parentId, afterPosition + i + 1, l.variantId(), l.sku(), l.label(),
                    l.quantity(), l.unitPrice(), l.discount(), l.vatRate(), l.net()});
        }
        jdbc.batchUpdate("insert into " + kind.table + " (id, tenant_id, " + kind.parent + ", position, variant_id, sku,"
                + " label, quantity, unit_price, discount, vat_rate, net) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * A data-modifying {@code WITH} query that inserts lines of the document returned by the query named
     * {@code parent} (columns {@code id, tenant_id}), to bind with {@link #columns}: the document and its lines in
     * one statement.
     */
    public static String insertFrom(Kind kind, String parent) {
        return "insert into " + kind.table + " (id, tenant_id, " + kind.parent + ", position, variant_id, sku, label,"
                + " quantity, unit_price, discount, vat_rate, net)"
                + " select l.id, p.tenant_id, p.id, l.position, l.variant_id, l.sku, l.label, l.quantity, l.unit_price,"
                + " l.discount, l.vat_rate, l.net from " + parent + " p cross join unnest(?::uuid[], ?::integer[],"
                + " ?::uuid[], ?::text[], ?::text[], ?::integer[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])"
                + " as l(id, position, variant_id, sku, label, quantity, unit_price, discount, vat_rate, net)";
    }

    /** The values of {@link #insertFrom}'s lines, column by column, numbered after the given position. */
    public static Object[] columns(List<LineView> lines, int afterPosition) {
        int n = lines.size();
        Object[] ids = new UUID[n];
        Object[] positions = new Integer[n];
        Object[] variants = new UUID[n];
        Object[] skus = new String[n];
        Object[] labels = new String[n];
        Object[] quantities = new Integer[n];
        Object[] prices = new String[n];
        Object[] discounts = new String[n];
        Object[] rates = new String[n];
        Object[] nets = new String[n];
        for (int i = 0; i < n; i++) {
            LineView l = lines.get(i);
            ids[i] = l.id();
            positions[i] = afterPosition + i + 1;
            variants[i] = l.variantId();
            skus[i] = l.sku();
            labels[i] = l.label();
            quantities[i] = l.quantity();
            prices[i] = plain(l.unitPrice());
            discounts[i] = plain(l.discount());
            rates[i] = plain(l.vatRate());
            nets[i] = plain(l.net());
        }
        return new Object[] {ids, positions, variants, skus, labels, quantities, prices, discounts, rates, nets};
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** The lines of one document, in position order. */
    public List<LineView> load(Kind kind, UUID tenant, UUID parentId) {
        return jdbc.query("select *, " + kind.returned + " as returned from " + kind.table + " where tenant_id = ? and "
                + kind.parent + " = ? order by position, id", LINE, tenant, parentId);
    }

    /** The lines of several documents, by document, in position order. */
    public Map<UUID, List<LineView>> load(Kind kind, UUID tenant, Collection<UUID> parentIds) {
        Map<UUID, List<LineView>> byParent = new LinkedHashMap<>();
        if (parentIds.isEmpty()) {
            return byParent;
        }
        jdbc.query("select *, " + kind.returned + " as returned from " + kind.table + " where tenant_id = ? and "
                + kind.parent + " = any(?) order by position, id", rs -> {
                    byParent.computeIfAbsent(rs.getObject(kind.parent, UUID.class), k -> new ArrayList<>())
                            .add(LINE.mapRow(rs, 0));
                }, tenant, parentIds.toArray(UUID[]::new));
        return byParent;
    }

    public void deleteAll(Kind kind, UUID tenant, UUID parentId) {
        jdbc.update("delete from " + kind.table + " where tenant_id = ? and " + kind.parent + " = ?", tenant, parentId);
    }

    public int delete(Kind kind, UUID tenant, UUID parentId, UUID lineId) {
        return jdbc.update("delete from " + kind.table + " where tenant_id = ? and " + kind.parent + " = ? and id = ?",
                tenant, parentId, lineId);
    }
}
