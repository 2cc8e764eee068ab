package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.RefundView;
import app.comptoir.platform.IdempotencyKeys;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.sales.application.OrderPayments;

/**
 * The payment of an order over the API: where it stands with its payments, a payment received on site (the office,
 * or the driver of the order at the door), an online payment link, a refund. The order's own representation carries
 * its {@code payment} too ({@code GET /api/v1/orders/{id}}).
 */
@RestController
@RequestMapping("/api/v1/orders/{id}")
@Tag(name = "Sales: orders")
class OrderPaymentController {

    private final OrderPayments payments;
    private final IdempotencyKeys idempotencyKeys;
    private final PaymentLinks links;

    OrderPaymentController(OrderPayments payments, IdempotencyKeys idempotencyKeys, PaymentLinks links) {
        this.payments = payments;
        this.idempotencyKeys = idempotencyKeys;
        this.links = links;
    }

    /** A payment received on site. */
    record PaymentBody(PaymentMethod method, BigDecimal amount, String reference, String note) {
    }

    /** An online payment link: the amount (what is left when absent), the customer's e-mail, until when. */
    record LinkBody(BigDecimal amount, String customerEmail, Instant expiresAt) {
    }

    /** A refund: how much, why. */
    record RefundBody(BigDecimal amount, String reason) {
    }

    @GetMapping("/payments")
    @Operation(summary = "An order's payment: state (UNPAID, PARTLY_PAID, PAID, REFUNDED), due, paid, refunded, "
            + "to collect, and its payments newest first",
            description = "A driver sees only their own orders' (404 otherwise). onlineAvailable: the business can "
                    + "send online payment links.")
    OrderPayments.Statement payments(@PathVariable UUID id) {
        return payments.statement(id);
    }

    @PostMapping("/payments")
    @Operation(summary = "Record a payment received on site: {method, amount, reference?, note?}",
            description = "method CASH, CARD_TERMINAL, TRANSFER or CHEQUE (PAYMENTS_RECORD); the driver of the order "
                    + "may record CASH or CARD_TERMINAL when it is out for delivery or delivered (403 otherwise). At "
                    + "most what is left to collect (400 naming amount); 409 order-not-payable for a draft. With an "
                    + "Idempotency-Key, a retry answers the first payment instead of recording it twice.")
    ResponseEntity<OrderPayments.Recorded> record(@PathVariable UUID id, @RequestBody(required = false) PaymentBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(name = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        if (body == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        OrderPayments.Recorded recorded = payments.record(id, new OnSitePayment(body.method(), body.amount(),
                body.reference(), body.note()), idempotencyKeys.key(idempotencyKey).orElse(null));
        return ResponseEntity.created(URI.create("/api/v1/orders/" + id + "/payments")).body(recorded);
    }

    @PostMapping("/payment-link")
    @Operation(summary = "Create an online payment link (Stripe Checkout) for what is left to pay: {amount?, "
            + "customerEmail?, expiresAt?}",
            description = "PAYMENTS_RECORD. Answers the page to send the customer to (redirectUrl) and when it "
                    + "expires; the customer comes back to a page of the business, and the provider's webhook marks "
                    + "the order paid. 409 online-payment-unavailable without Stripe keys, order-not-payable for a "
                    + "draft or cancelled order, order-paid when nothing is left; 400 naming amount above what is "
                    + "left. The same Idempotency-Key answers the same link.")
    ResponseEntity<OnlineCheckout> link(@PathVariable UUID id, @RequestBody(required = false) LinkBody body,
            @Parameter(description = "The same key answers the same link") @RequestHeader(name = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        LinkBody b = body == null ? new LinkBody(null, null, null) : body;
        OnlineCheckout checkout = payments.sendLink(id, new OrderPayments.LinkRequest(b.amount(), b.customerEmail(),
                b.expiresAt(), links.returnUrl(id)), idempotencyKeys.key(idempotencyKey).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(checkout);
    }

    @PostMapping("/refunds")
    @Operation(summary = "Refund part or all of what was paid on an order: {amount, reason?}",
            description = "PAYMENTS_REFUND. Online payments are refunded through their provider (PENDING until it "
                    + "confirms), on-site ones recorded as given back (cash back). Never more than what was paid and "
                    + "kept (400 naming amount). A return after delivery refunds by itself what was paid beyond what "
                    + "the order still owes.")
    ResponseEntity<RefundView> refund(@PathVariable UUID id, @RequestBody(required = false) RefundBody body,
            @Parameter(description = "Makes the request safe to retry") @RequestHeader(name = IdempotencyKeys.HEADER,
                    required = false) String idempotencyKey) {
        if (body == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.refund(id, body.amount(), body.reason(),
                idempotencyKeys.key(idempotencyKey).orElse(null)));
    }
}
