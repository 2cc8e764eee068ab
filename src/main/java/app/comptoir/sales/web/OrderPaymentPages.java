package app.comptoir.sales.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.OnlineCheckout;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.Formats;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.sales.application.OrderPayments;
import app.comptoir.sales.application.Orders;

/**
 * The payment card of the order page and its acts: "Encaisser" (a payment received on site: the office, or the
 * driver of the order at the door), "Lien de paiement" (an online payment link to copy and send), "Rembourser";
 * and the card alone, which the page asks for again every few seconds while an online payment is being confirmed.
 * A refused amount comes back next to its field, with what was typed.
 */
@PageController
@RequestMapping("/app/sales/orders/{id}")
class OrderPaymentPages {

    static final String SUMMARY = "sales/orders/payment :: paymentSummary";

    private final Orders orders;
    private final OrderPayments payments;
    private final PaymentLinks links;
    private final SalesPaymentModel model;

    OrderPaymentPages(Orders orders, OrderPayments payments, PaymentLinks links, SalesPaymentModel model) {
        this.orders = orders;
        this.payments = payments;
        this.links = links;
        this.model = model;
    }

    /** The payment card's summary alone (htmx), while an online payment waits for the provider's word. */
    @GetMapping("/payment")
    String summary(@PathVariable UUID id, Model page) {
        model.fill(orders.get(id), page);
        return SUMMARY;
    }

    @PostMapping("/payments")
    String record(@PathVariable UUID id, @RequestParam(required = false) String method,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String reference,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String key,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        String done = "deliveries".equals(back) ? "redirect:/app/sales/deliveries"
                : "redirect:/app/sales/orders/" + id + "#payment";
        try {
            OrderPayments.Recorded recorded = payments.record(id, new OnSitePayment(method(method),
                    decimal(amount), reference, note), key == null || key.isBlank() ? null : key.strip());
            redirect.addFlashAttribute("flash", "sales.payment.recorded");
            redirect.addFlashAttribute("flashArgument", recorded.payment().amount().toPlainString());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("paymentErrors", fields(e, ""));
            redirect.addFlashAttribute("paymentForm", form(method, amount, reference, note));
            redirect.addFlashAttribute("paymentErrorsFor", id);
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        }
        return done;
    }

    @PostMapping("/payment-link")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    String link(@PathVariable UUID id, @RequestParam(required = false) String amount,
                @RequestParam(required = false) String email, @RequestParam(required = false) String key,
                RedirectAttributes redirect) {
        try {
            OnlineCheckout checkout = payments.sendLink(id, new OrderPayments.LinkRequest(
                    amount == null || amount.isBlank() ? null : decimal(amount), email, null, links.returnUrl(id)),
                    key == null || key.isBlank() ? null : key.strip());
            redirect.addFlashAttribute("paymentLink", checkout);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("linkErrors", fields(e, ""));
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        }
        return "redirect:/app/sales/orders/" + id + "#payment";
    }

    @PostMapping("/refund")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_REFUND')")
    String refund(@PathVariable UUID id, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String key,
                  RedirectAttributes redirect) {
        try {
            payments.refund(id, decimal(amount), reason, key == null || key.isBlank() ? null : key.strip());
            redirect.addFlashAttribute("flash", "sales.payment.refunded");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("refundErrors", fields(e, ""));
            redirect.addFlashAttribute("refundForm", Map.of("amount", amount == null ? "" : amount,
                    "reason", reason == null ? "" : reason));
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("salesConflict", e.type());
        }
        return "redirect:/app/sales/orders/" + id + "#payment";
    }

    /** A typed amount ({@code 12,50} or {@code 12.50}); a text that is not one is refused, naming the field. */
    static BigDecimal decimal(String typed) {
        try {
            return Formats.parseDecimal(typed);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("amount", "is not a number");
        }
    }

    /** A method by its name; an unknown one is refused, naming the field. */
    static PaymentMethod method(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return PaymentMethod.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("method", "is not a payment method");
        }
    }

    /** The refused fields, each with the message key shown next to it. */
    static Map<String, String> fields(InvalidInputException e, String prefix) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(prefix + f.field(), f.message()));
        return errors;
    }

    static Map<String, String> form(String method, String amount, String reference, String note) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", method == null ? "" : method);
        form.put("amount", amount == null ? "" : amount);
        form.put("reference", reference == null ? "" : reference);
        form.put("note", note == null ? "" : note);
        return form;
    }
}
