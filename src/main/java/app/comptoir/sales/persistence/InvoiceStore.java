package app.comptoir.sales.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.sales.domain.InvoiceContent;

/**
 * Invoices and credit notes (table {@code sales_invoices}) and their gap-free numbers.
 *
 * <p><b>Numbering without gaps.</b> {@link #nextNumber} increments the business's counter row for the kind and year
 * with one upsert, which locks that row until the calling transaction ends. A concurrent creation of the same
 * business waits for it: if the first commits, the second reads the incremented value and takes the next number;
 * if the first rolls back (its invoice is not created), its increment is undone too, and the second takes the very
 * number the first gave back. So numbers are consecutive, unique and never skipped. The price is that the
 * invoices of one business are issued one at a time, which is far beyond what a shop issues.
 *
 * <p>Rows are only inserted: the database refuses any update or delete ({@code sales_invoices_final} trigger).
 */
@Repository
public class InvoiceStore {

    private static final String SUMMARY = """
            select i.id, i.kind, i.number, i.issued_on, i.order_id, o.number as order_number, i.invoice_id,
                   i.currency, i.net, i.vat, i.gross
              from sales_invoices i join sales_orders o on o.tenant_id = i.tenant_id and o.id = i.order_id""";

    /** An issued document with what it says. */
    public record Stored(InvoiceSummary summary, InvoiceContent content, Instant issuedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    InvoiceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next number of the business's counter for the kind and year; the row stays locked until commit. */
    public long nextNumber(UUID tenant, String kind, int year) {
        return jdbc.sql("""
                insert into sales_invoice_counters as c (tenant_id, kind, year, last_value) values (?, ?, ?, 1)
                on conflict (tenant_id, kind, year) do update set last_value = c.last_value + 1
                returning last_value""")
                .params(tenant, kind, year).query(Long.class).single();
    }

    /**
     * Locks the order's row until the transaction ends, so that two issuers of the same order's invoice (the
     * delivery reaction and a click in the office) run one after the other and the second finds the first's.
     */
    public void lockOrder(UUID tenant, UUID orderId) {
        jdbc.sql("select id from sales_orders where tenant_id = ? and id = ? for update")
                .params(tenant, orderId).query(UUID.class).optional();
    }

    public void insert(UUID tenant, UUID id, InvoiceContent c, UUID invoiceId, UUID returnId, Instant at, UUID by) {
        jdbc.sql("""
                insert into sales_invoices (id, tenant_id, kind, number, order_id, return_id, invoice_id, issued_on,
                    issued_at, issued_by, currency, net, vat, gross, content)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, tenant, c.kind().prefix(), c.number(), c.orderId(), returnId, invoiceId, c.issuedOn(),
                        Timestamp.from(at), by, c.currency(), c.totals().net(), c.totals().vat(), c.totals().gross(),
                        json.writeValueAsString(c))
                .update();
    }

    public Optional<Stored> find(UUID tenant, UUID id) {
        return jdbc.sql(SUMMARY.replace("i.gross", "i.gross, i.content::text as content, i.issued_at")
                        + " where i.tenant_id = ? and i.id = ?")
                .params(tenant, id).query(this::stored).optional();
    }

    /** The invoice of an order, if issued. */
    public Optional<Stored> invoiceOf(UUID tenant, UUID orderId) {
        return jdbc.sql(SUMMARY.replace("i.gross", "i.gross, i.content::text as content, i.issued_at")
                        + " where i.tenant_id = ? and i.order_id = ? and i.kind = 'FAC'")
                .params(tenant, orderId).query(this::stored).optional();
    }

    /** The credit notes issued for an invoice (for a return or not), oldest first. */
    public List<Stored> creditNotesOf(UUID tenant, UUID invoiceId) {
        return jdbc.sql(SUMMARY.replace("i.gross", "i.gross, i.content::text as content, i.issued_at")
                        + " where i.tenant_id = ? and i.invoice_id = ? and i.kind = 'AVO' order by i.issued_at, i.number")
                .params(tenant, invoiceId).query(this::stored).list();
    }

    /** The invoice and credit notes of an order with their content, oldest first (one statement). */
    public List<Stored> documentsOf(UUID tenant, UUID orderId) {
        return jdbc.sql(SUMMARY.replace("i.gross", "i.gross, i.content::text as content, i.issued_at")
                        + " where i.tenant_id = ? and i.order_id = ? order by i.issued_at, i.number")
                .params(tenant, orderId).query(this::stored).list();
    }

    public boolean hasCreditNoteFor(UUID tenant, UUID returnId) {
        return jdbc.sql("select count(*) from sales_invoices where tenant_id = ? and return_id = ? and kind = 'AVO'")
                .params(tenant, returnId).query(Long.class).single() > 0;
    }

    /** The invoice and credit notes of an order, oldest first. */
    public List<InvoiceSummary> ofOrder(UUID tenant, UUID orderId) {
        return jdbc.sql(SUMMARY + " where i.tenant_id = ? and i.order_id = ? order by i.issued_at, i.number")
                .params(tenant, orderId).query(InvoiceStore::summary).list();
    }

    /** The customer's invoices and credit notes, newest first (at most {@code limit}). */
    public List<InvoiceSummary> ofCustomer(UUID tenant, UUID customerId, int limit) {
        return jdbc.sql(SUMMARY + " where i.tenant_id = ? and o.customer_id = ? order by i.issued_at desc, i.number desc"
                        + " limit ?")
                .params(tenant, customerId, limit).query(InvoiceStore::summary).list();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(summary(rs, row), json.readValue(rs.getString("content"), InvoiceContent.class),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static InvoiceSummary summary(ResultSet rs, int row) throws SQLException {
        return new InvoiceSummary(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("number"),
                rs.getObject("issued_on", LocalDate.class), rs.getObject("order_id", UUID.class),
                rs.getString("order_number"), rs.getObject("invoice_id", UUID.class), rs.getString("currency"),
                rs.getBigDecimal("net"), rs.getBigDecimal("vat"), rs.getBigDecimal("gross"));
    }
}
