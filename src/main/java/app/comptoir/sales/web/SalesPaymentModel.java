package app.comptoir.sales.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import app.comptoir.payments.PaymentMethod;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.OrderPayments;
import app.comptoir.sales.application.OrderView;

/**
 * What the payment card of an order needs: the order's payments, and which acts the reader may see (the handlers
 * check them again): "Encaisser" with PAYMENTS_RECORD, or as the order's driver once it is out for delivery (cash
 * or card terminal); "Lien de paiement" with PAYMENTS_RECORD when the business takes payments online;
 * "Rembourser" with PAYMENTS_REFUND when something was paid. Each form carries a fresh idempotency key, so a form
 * sent twice records once.
 */
@Component
class SalesPaymentModel {

    /** The methods the office records. */
    static final List<PaymentMethod> OFFICE = List.of(PaymentMethod.CASH, PaymentMethod.CARD_TERMINAL,
            PaymentMethod.TRANSFER, PaymentMethod.CHEQUE);
    /** The methods a driver collects with at the door. */
    static final List<PaymentMethod> DOOR = List.of(PaymentMethod.CASH, PaymentMethod.CARD_TERMINAL);

    private final OrderPayments payments;
    private final Permissions permissions;
    private final TenantContext tenantContext;

    SalesPaymentModel(OrderPayments payments, Permissions permissions, TenantContext tenantContext) {
        this.payments = payments;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
    }

    /** Adds the order's payment card to the model. */
    void fill(OrderView order, Model model) {
        OrderPayments.Statement statement = payments.statement(order);
        boolean office = permissions.has(Permission.PAYMENTS_RECORD);
        boolean owing = order.status() != OrderStatus.DRAFT && order.status() != OrderStatus.CANCELLED;
        boolean left = statement.payment().toCollect().signum() > 0;
        boolean atTheDoor = !office && permissions.has(Permission.DELIVERIES) && order.driver() != null
                && Objects.equals(order.driver().id(), tenantContext.principal().map(p -> p.userId()).orElse(null))
                && (order.status() == OrderStatus.OUT_FOR_DELIVERY || order.status() == OrderStatus.DELIVERED);
        model.addAttribute("paymentStatement", statement);
        model.addAttribute("canCollect", owing && left && (office || atTheDoor));
        model.addAttribute("collectMethods", office ? OFFICE : DOOR);
        model.addAttribute("canLink", office && owing && left && statement.onlineAvailable());
        model.addAttribute("canRefund", permissions.has(Permission.PAYMENTS_REFUND)
                && statement.payment().net().signum() > 0);
        model.addAttribute("paymentKey", UUID.randomUUID().toString());
    }
}
