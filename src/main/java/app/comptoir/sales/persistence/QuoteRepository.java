package app.comptoir.sales.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.PageResponse;
import app.comptoir.platform.SqlLike;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.Quote;
import app.comptoir.sales.domain.QuoteStatus;

/**
 * Every SQL text of quotes ({@code sales_quotes} and their lines). A quote's status is read, never stored,
 * as EXPIRED once a sent quote is past its date (in the business's calendar: {@code today} is passed in).
 */
@Repository
public class QuoteRepository {

    private static final String HEADER = """
            select q.id, q.number, case when q.status = 'SENT' and q.valid_until < ? then 'EXPIRED' else q.status end as status,
                   q.customer_id, q.customer_name, q.customer_phone, q.valid_until, q.notes, q.currency, q.delivery_fee,
                   q.prices_include_vat, q.net, q.vat, q.gross, q.order_id, o.number as order_number, q.created_at, q.updated_at, q.version
              from sales_quotes q left join sales_orders o on o.tenant_id = q.tenant_id and o.id = q.order_id""";

    private final JdbcTemplate jdbc;
    private final SaleLines saleLines;
    private final DocumentNumbers numbers;

    QuoteRepository(JdbcTemplate jdbc, SaleLines saleLines, DocumentNumbers numbers) {
        this.jdbc = jdbc;
        this.saleLines = saleLines;
        this.numbers = numbers;
    }

    /** The quote with its lines (2 statements), its row locked until the transaction ends if {@code lock}. */
    public Optional<Quote> find(UUID tenant, UUID id, LocalDate today, boolean lock) {
        List<Row> rows = jdbc.query(HEADER + " where q.tenant_id = ? and q.id = ?" + (lock ? " for update of q" : ""),
                (rs, i) -> new Row(rs.getString("number"), QuoteStatus.valueOf(rs.getString("status")),
                        new CustomerRef(rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
                                rs.getString("customer_phone")), rs.getDate("valid_until").toLocalDate(),
                        rs.getBigDecimal("delivery_fee"), rs.getString("currency"),
                        rs.getBoolean("prices_include_vat"), rs.getString("notes"),
                        rs.getObject("order_id", UUID.class), rs.getString("order_number"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getLong("version")),
                Date.valueOf(today), tenant, id);
        return rows.stream().findFirst().map(r -> Quote.restore(tenant, id, r.number(), r.status(), r.customer(),
                r.validUntil(), saleLines.load(SaleLines.Kind.QUOTE, tenant, id), r.deliveryFee(), r.currency(),
                r.pricesIncludeVat(), r.notes(),
                r.orderId(), r.orderNumber(), r.createdAt(), r.updatedAt(), r.version()));
    }

    /** The quote's columns (the rest of the aggregate are its lines). */
    private record Row(String number, QuoteStatus status, CustomerRef customer, LocalDate validUntil,
                       BigDecimal deliveryFee, String currency, boolean pricesIncludeVat, String notes, UUID orderId,
                       String orderNumber,
                       Instant createdAt, Instant updatedAt, long version) {
    }

    /** Quotes, newest first, filtered by status, customer and text (number or customer name). */
    public PageResponse<QuoteSummary> list(UUID tenant, LocalDate today, QuoteStatus status, UUID customerId, String q,
                                           int page, int size) {
        StringBuilder where = new StringBuilder(" where q.tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (status != null) {
            where.append(" and (case when q.status = 'SENT' and q.valid_until < ? then 'EXPIRED' else q.status end) = ?");
            args.add(Date.valueOf(today));
            args.add(status.name());
        }
        if (customerId != null) {
            where.append(" and q.customer_id = ?");
            args.add(customerId);
        }
        if (q != null && !q.isBlank()) {
            String pattern = SqlLike.contains(q.strip().toLowerCase(Locale.ROOT));
            where.append(" and (lower(q.number) like ? or lower(coalesce(q.customer_name, '')) like ?)");
            args.add(pattern);
            args.add(pattern);
        }
        Long total = jdbc.queryForObject("select count(*) from sales_quotes q" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>();
        pageArgs.add(Date.valueOf(today));
        pageArgs.addAll(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<QuoteSummary> items = jdbc.query(HEADER + where + " order by q.created_at desc, q.id desc limit ? offset ?",
                (rs, i) -> new QuoteSummary(rs.getObject("id", UUID.class), rs.getString("number"),
                        QuoteStatus.valueOf(rs.getString("status")), rs.getObject("customer_id", UUID.class),
                        rs.getString("customer_name"), rs.getDate("valid_until").toLocalDate(), rs.getBigDecimal("net"),
                        rs.getBigDecimal("gross"), rs.getString("currency"), rs.getObject("order_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()), pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    /** Inserts a draft quote numbered from the tenant's sequence for {@code year}, then its lines; numbers it. */
    public void insert(Quote quote, int year, UUID by) {
        UUID tenant = quote.tenantId();
        CustomerRef customer = quote.customer();
        Timestamp at = Timestamp.from(quote.createdAt());
        var totals = quote.totals();
        quote.numbered(jdbc.queryForObject("""
                insert into sales_quotes (id, tenant_id, number, status, customer_id, customer_name, customer_phone,
                  valid_until, notes, currency, delivery_fee, prices_include_vat, net, vat, gross, created_at, created_by,
                  updated_at, updated_by)
                values (?, ?, %s, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning number""".formatted(DocumentNumbers.EXPRESSION), String.class,
                quote.id(), tenant, DocumentNumbers.prefix("DEV", year), numbers.sequence(tenant, "DEV", year),
                customer.id(), customer.name(), customer.phone(), Date.valueOf(quote.validUntil()), quote.notes(),
                quote.currency(), quote.deliveryFee(), quote.pricesIncludeVat(), totals.net(), totals.vat(), totals.gross(), at, by, at, by));
        saleLines.insert(SaleLines.Kind.QUOTE, tenant, quote.id(), quote.lines(), 0);
    }

    /** Replaces the quote's lines by its current ones. */
    public void replaceLines(Quote quote, List<LineView> lines) {
        saleLines.deleteAll(SaleLines.Kind.QUOTE, quote.tenantId(), quote.id());
        saleLines.insert(SaleLines.Kind.QUOTE, quote.tenantId(), quote.id(), lines, 0);
    }

    /** Stores customer, validity, notes, fee and totals. */
    public void storeContent(Quote quote, UUID by) {
        CustomerRef customer = quote.customer();
        var totals = quote.totals();
        jdbc.update("""
                update sales_quotes set customer_id = ?, customer_name = ?, customer_phone = ?, valid_until = ?, notes = ?,
                  delivery_fee = ?, net = ?, vat = ?, gross = ?, updated_at = ?, updated_by = ?, version = version + 1
                 where tenant_id = ? and id = ?""",
                customer.id(), customer.name(), customer.phone(), Date.valueOf(quote.validUntil()), quote.notes(),
                quote.deliveryFee(), totals.net(), totals.vat(), totals.gross(), Timestamp.from(quote.updatedAt()), by,
                quote.tenantId(), quote.id());
    }

    /** Stores the status and the order it was converted into, if any. */
    public void storeStatus(Quote quote, UUID by) {
        jdbc.update("update sales_quotes set status = ?, order_id = ?, updated_at = ?, updated_by = ?, version = version + 1"
                + " where tenant_id = ? and id = ?", quote.status().name(), quote.orderId(),
                Timestamp.from(quote.updatedAt()), by, quote.tenantId(), quote.id());
    }
}
