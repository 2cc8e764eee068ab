package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.comptoir.platform.ConflictException;
import app.comptoir.sales.QuoteAccepted;
import app.comptoir.sales.QuoteSent;

/**
 * A quote (devis) and its small workflow: {@code DRAFT → SENT → ACCEPTED | REJECTED | EXPIRED}, and its
 * conversion into a draft order. Like {@link Order}, it decides every move in one place (409 with a stable
 * problem type) and registers the events of the moves other modules may care about; the use case in
 * {@code Quotes} loads, asks, stores and publishes. A sent quote whose validity date has passed reads as
 * {@code EXPIRED}: the status is computed when it is loaded, so nothing has to run at midnight.
 */
public class Quote {

    /** The audit trail's entity type of quotes. */
    public static final String AUDITED = "quote";

    private final UUID tenantId;
    private final UUID id;
    private String number;
    private QuoteStatus status;
    private CustomerRef customer;
    private LocalDate validUntil;
    private List<LineView> lines;
    private BigDecimal deliveryFee;
    private final String currency;
    private final boolean pricesIncludeVat;
    private String notes;
    private UUID orderId;
    private String orderNumber;
    private final Instant createdAt;
    private Instant updatedAt;
    private long version;
    private boolean changed;
    private final List<Object> events = new ArrayList<>();

    private Quote(UUID tenantId, UUID id, String number, QuoteStatus status, CustomerRef customer, LocalDate validUntil,
                  List<LineView> lines, BigDecimal deliveryFee, String currency, boolean pricesIncludeVat, String notes,
                  UUID orderId, String orderNumber, Instant createdAt, Instant updatedAt, long version) {
        this.pricesIncludeVat = pricesIncludeVat;
        this.tenantId = tenantId;
        this.id = id;
        this.number = number;
        this.status = status;
        this.customer = customer;
        this.validUntil = validUntil;
        this.lines = List.copyOf(lines);
        this.deliveryFee = deliveryFee;
        this.currency = currency;
        this.notes = notes;
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * A new draft, not numbered yet; {@code validUntil} already checked by {@link QuoteValidity}; its unit prices
     * and fee include VAT if {@code pricesIncludeVat} (see {@link Pricing}), for its whole life.
     */
    public static Quote draft(UUID tenantId, UUID id, CustomerRef customer, LocalDate validUntil, List<LineView> lines,
                              BigDecimal deliveryFee, String currency, boolean pricesIncludeVat, String notes, Instant now) {
        return new Quote(tenantId, id, null, QuoteStatus.DRAFT, customer, validUntil, lines, deliveryFee, currency,
                pricesIncludeVat, notes, null, null, now, now, 0);
    }

    /** A quote as stored, its status already read as EXPIRED if it is past its date (for repositories only). */
    public static Quote restore(UUID tenantId, UUID id, String number, QuoteStatus status, CustomerRef customer,
                                LocalDate validUntil, List<LineView> lines, BigDecimal deliveryFee, String currency,
                                boolean pricesIncludeVat, String notes, UUID orderId, String orderNumber,
                                Instant createdAt, Instant updatedAt, long version) {
        return new Quote(tenantId, id, number, status, customer, validUntil, lines, deliveryFee, currency,
                pricesIncludeVat, notes, orderId, orderNumber, createdAt, updatedAt, version);
    }

    /** Gives the stored draft its number, once. */
    public void numbered(String number) {
        if (this.number != null) {
            throw new IllegalStateException("Quote " + this.number + " is already numbered");
        }
        this.number = number;
    }

    /**
     * Refuses a change before its new values are looked up: only a draft changes (what was sent is what the
     * customer holds), and only from the version the client saw.
     */
    public void requireChangeable(Long expectedVersion) {
        if (status != QuoteStatus.DRAFT) {
            throw new ConflictException("quote-not-draft", "Quote " + number + " is " + status
                    + ": only a draft quote can change");
        }
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("concurrent-modification", "The quote was changed by someone else; reload it");
        }
    }

    /** New content of a draft. */
    public void revise(CustomerRef customer, LocalDate validUntil, List<LineView> lines, BigDecimal deliveryFee,
                       String notes, Instant at) {
        requireChangeable(null);
        this.customer = customer;
        this.validUntil = validUntil;
        this.lines = List.copyOf(lines);
        this.deliveryFee = deliveryFee;
        this.notes = notes;
        touched(at);
    }

    /** Moves along the workflow; a quote is only sent with lines. */
    public void moveTo(QuoteStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("Quote " + number, status, target, status.next());
        }
        if (target == QuoteStatus.SENT && lines.isEmpty()) {
            throw new ConflictException("quote-empty", "Quote " + number + " has no lines to send");
        }
        status = target;
        touched(at);
        if (target == QuoteStatus.SENT) {
            events.add(new QuoteSent(tenantId, id, number, customer.id(), validUntil, at));
        } else if (target == QuoteStatus.ACCEPTED) {
            events.add(new QuoteAccepted(tenantId, id, number, customer.id(), null, at));
        }
    }

    /**
     * Refuses a conversion into an order before the order is made: a quote converts once, not when it was
     * rejected or has expired, and not without lines. A draft may convert directly (accepted on the spot).
     */
    public void requireConvertible() {
        if (orderId != null) {
            throw new ConflictException("quote-converted", "Quote " + number + " was already converted into order "
                    + orderNumber);
        }
        if (status == QuoteStatus.REJECTED || status == QuoteStatus.EXPIRED) {
            throw new ConflictException("illegal-transition", "Quote " + number + " is " + status
                    + " and cannot be converted");
        }
        if (lines.isEmpty()) {
            throw new ConflictException("quote-empty", "Quote " + number + " has no lines");
        }
    }

    /** Records the conversion into the given order: the quote is accepted. */
    public void convertedInto(UUID orderId, String orderNumber, Instant at) {
        requireConvertible();
        this.orderId = orderId;
        this.orderNumber = orderNumber;
        status = QuoteStatus.ACCEPTED;
        touched(at);
        events.add(new QuoteAccepted(tenantId, id, number, customer.id(), orderId, at));
    }

    /** The statuses it may move to now (none once converted). */
    public List<QuoteStatus> next() {
        return orderId == null ? status.next() : List.of();
    }

    public Totals totals() {
        return Pricing.totals(lines, deliveryFee, currency, pricesIncludeVat);
    }

    /** Whether its unit prices and delivery fee include VAT (TTC) or exclude it (HT). */
    public boolean pricesIncludeVat() {
        return pricesIncludeVat;
    }

    /** The events registered since it was loaded, oldest first, to publish once it is stored. */
    public List<Object> events() {
        return List.copyOf(events);
    }

    private void touched(Instant at) {
        updatedAt = at;
        if (!changed) {
            version++;
            changed = true;
        }
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public QuoteStatus status() {
        return status;
    }

    public CustomerRef customer() {
        return customer;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public List<LineView> lines() {
        return lines;
    }

    public BigDecimal deliveryFee() {
        return deliveryFee;
    }

    public String currency() {
        return currency;
    }

    public String notes() {
        return notes;
    }

    public UUID orderId() {
        return orderId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
