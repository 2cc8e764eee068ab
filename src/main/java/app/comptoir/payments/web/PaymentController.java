package app.comptoir.payments.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.RefundStatus;
import app.comptoir.payments.RefundView;
import app.comptoir.payments.SubjectType;
import app.comptoir.payments.application.OnSitePayments;
import app.comptoir.payments.application.OnlinePayments;
import app.comptoir.payments.application.PaymentQueries;
import app.comptoir.payments.application.Refunds;
import app.comptoir.payments.persistence.RefundRow;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;

/**
 * Payments over the API: the business's payments (filtered, paged), one payment, the cash drawer of a day, and per
 * subject (an order or an appointment) its summary and history, a payment recorded on site, a refund, an online
 * payment link. Every role may read; PAYMENTS_RECORD records and sends links, PAYMENTS_REFUND refunds.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
@PreAuthorize("@rolePermissions.has('READ')")
class PaymentController {

    private static final String SUBJECT_HELP = " The subject must be known to payments (sales or bookings said what "
            + "is due on it): 404 otherwise.";

    private final PaymentQueries queries;
    private final OnSitePayments onSite;
    private final OnlinePayments online;
    private final Refunds refunds;
    private final IdempotencyKeys idempotencyKeys;

    PaymentController(PaymentQueries queries, OnSitePayments onSite, OnlinePayments online, Refunds refunds,
                      IdempotencyKeys idempotencyKeys) {
        this.queries = queries;
        this.onSite = onSite;
        this.online = online;
        this.refunds = refunds;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** A payment received on site: method CASH, CARD_TERMINAL, TRANSFER or CHEQUE; amount; reference and note. */
    record OnSiteBody(PaymentMethod method, BigDecimal amount, String reference, String note) {
    }

    /** A refund: how much (at most what was paid and kept) and why. */
    record RefundBody(BigDecimal amount, String reason) {
    }

    /** An online payment link: how much, what for, the customer's e-mail, where to come back, until when. */
    record CheckoutBody(BigDecimal amount, String description, String customerEmail, String successUrl,
                        String cancelUrl, Instant expiresAt) {
    }

    /** One refund of a subject. */
    record RefundLine(UUID id, UUID paymentId, UUID requestId, PaymentMethod method, BigDecimal amount,
                      String currency, RefundStatus status, String reason, Instant refundedAt) {
        static RefundLine of(RefundRow r) {
            return new RefundLine(r.id(), r.paymentId(), r.requestId(), r.method(), r.amount(), r.currency(),
                    r.status(), r.reason(), r.refundedAt());
        }
    }

    /** A subject's payments: its summary (due, paid, refunded, state, to collect), payments and refunds. */
    record SubjectPayments(PaymentSummary summary, BigDecimal toCollect, List<PaymentView> payments,
                           List<RefundLine> refunds) {
    }

    @GetMapping
    @Operation(summary = "The business's payments, newest first (paginated)",
            description = "Filters: from and to (days, yyyy-MM-dd, in the business's time zone, inclusive; a payment "
                    + "counts on the day it was paid, or made when it is not paid), method, status, subjectType.")
    PageResponse<PaymentView> list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) PaymentStatus status,
            @RequestParam(required = false) SubjectType subjectType,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return queries.search(new PaymentQueries.Filter(from, to, method, status, subjectType), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment")
    PaymentView get(@PathVariable UUID id) {
        return queries.payment(id).view();
    }

    @PostMapping("/{id}/refresh")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    @Operation(summary = "Ask the provider where a pending online payment stands and apply it (a lost webhook)",
            description = "Answers the payment afterwards. On-site payments are answered as they are.")
    PaymentView refresh(@PathVariable UUID id) {
        online.refresh(id);
        return queries.payment(id).view();
    }

    @GetMapping("/cash-drawer")
    @Operation(summary = "The cash drawer of a day: received and refunded per method, the cash that should be there",
            description = "day: yyyy-MM-dd in the business's time zone (today when absent); amounts in the business's "
                    + "currency. Payments count on the day they were paid, refunds on the day they were made.")
    PaymentQueries.CashDrawer cashDrawer(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return queries.drawer(day);
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "An order's payments: summary (state UNPAID, PARTLY_PAID, PAID, REFUNDED), payments, refunds",
            description = "An order payments never heard of is UNPAID with nothing due.")
    SubjectPayments order(@PathVariable UUID id) {
        return subject(PaymentSubject.order(id));
    }

    @GetMapping("/bookings/{id}")
    @Operation(summary = "An appointment's payments: summary, payments, refunds")
    SubjectPayments booking(@PathVariable UUID id) {
        return subject(PaymentSubject.booking(id));
    }

    @PostMapping("/orders/{id}/on-site")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    @Operation(summary = "Record a payment received on site for an order (cash, card terminal, transfer, cheque)",
            description = "{method, amount, reference?, note?}; at most what is left to pay. Idempotency-Key: a retry "
                    + "answers the first payment (200, Idempotent-Replayed: true)." + SUBJECT_HELP)
    ResponseEntity<PaymentView> recordOnOrder(@PathVariable UUID id, @RequestBody OnSiteBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(value = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        return record(PaymentSubject.order(id), body, idempotencyKey);
    }

    @PostMapping("/bookings/{id}/on-site")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    @Operation(summary = "Record a payment received on site for an appointment",
            description = "{method, amount, reference?, note?}; as for an order." + SUBJECT_HELP)
    ResponseEntity<PaymentView> recordOnBooking(@PathVariable UUID id, @RequestBody OnSiteBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(value = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        return record(PaymentSubject.booking(id), body, idempotencyKey);
    }

    @PostMapping("/orders/{id}/refunds")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_REFUND')")
    @Operation(summary = "Refund part or all of what was paid on an order",
            description = "{amount, reason?}; never more than what was paid and kept. Online payments are refunded "
                    + "through their provider (PENDING until it confirms), on-site ones recorded as given back. "
                    + "502 payment-provider-error when the provider refuses or cannot be reached (retry with the same "
                    + "Idempotency-Key)." + SUBJECT_HELP)
    ResponseEntity<RefundView> refundOrder(@PathVariable UUID id, @RequestBody RefundBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(value = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        return refund(PaymentSubject.order(id), body, idempotencyKey);
    }

    @PostMapping("/bookings/{id}/refunds")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_REFUND')")
    @Operation(summary = "Refund part or all of what was paid on an appointment", description = "{amount, reason?}."
            + SUBJECT_HELP)
    ResponseEntity<RefundView> refundBooking(@PathVariable UUID id, @RequestBody RefundBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(value = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        return refund(PaymentSubject.booking(id), body, idempotencyKey);
    }

    @PostMapping("/orders/{id}/checkout")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    @Operation(summary = "Create an online payment link for an order (Stripe Checkout)",
            description = "{amount, description?, customerEmail?, successUrl, cancelUrl, expiresAt? (brought into 31 "
                    + "minutes to 23 h 59 from now; 1 hour when absent)}. Answers the payment id and the page to "
                    + "send the customer to. 409 online-payment-unavailable without provider keys." + SUBJECT_HELP)
    ResponseEntity<OnlineCheckout> checkoutOrder(@PathVariable UUID id, @RequestBody CheckoutBody body,
            @Parameter(description = "The same key answers the same checkout") @RequestHeader(
                    value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return checkout(PaymentSubject.order(id), body, idempotencyKey);
    }

    @PostMapping("/bookings/{id}/checkout")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    @Operation(summary = "Create an online payment link for an appointment (Stripe Checkout)",
            description = "As for an order." + SUBJECT_HELP)
    ResponseEntity<OnlineCheckout> checkoutBooking(@PathVariable UUID id, @RequestBody CheckoutBody body,
            @Parameter(description = "The same key answers the same checkout") @RequestHeader(
                    value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return checkout(PaymentSubject.booking(id), body, idempotencyKey);
    }

    private SubjectPayments subject(PaymentSubject subject) {
        PaymentSummary summary = queries.summary(subject);
        return new SubjectPayments(summary, summary.toCollect(), queries.history(subject),
                queries.refunds(subject).stream().map(RefundLine::of).toList());
    }

    private ResponseEntity<PaymentView> record(PaymentSubject subject, OnSiteBody body, String header) {
        String key = idempotencyKeys.key(header).orElse(null);
        OnSitePayments.Recorded recorded = onSite.record(subject, body == null ? null
                : new OnSitePayment(body.method(), body.amount(), body.reference(), body.note()), key);
        return IdempotencyKeys.answer(recorded.payment(), recorded.replayed(),
                URI.create("/api/v1/payments/" + recorded.payment().id()));
    }

    private ResponseEntity<RefundView> refund(PaymentSubject subject, RefundBody body, String header) {
        String key = idempotencyKeys.key(header).orElse(null);
        if (body == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        Refunds.Refunded refunded = refunds.refund(subject, body.amount(), body.reason(), key);
        return IdempotencyKeys.answer(refunded.refund(), refunded.replayed(), null);
    }

    private ResponseEntity<OnlineCheckout> checkout(PaymentSubject subject, CheckoutBody body, String header) {
        String key = idempotencyKeys.key(header).orElse(null);
        if (body == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        OnlineCheckout checkout = online.sendLink(subject, new CheckoutRequest(body.amount(), body.description(),
                body.customerEmail(), body.successUrl(), body.cancelUrl(), body.expiresAt()), key);
        return ResponseEntity.created(URI.create("/api/v1/payments/" + checkout.paymentId())).body(checkout);
    }
}
