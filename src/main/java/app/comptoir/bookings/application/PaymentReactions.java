package app.comptoir.bookings.application;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import app.comptoir.payments.PaymentFailed;
import app.comptoir.payments.PaymentSucceeded;
import app.comptoir.payments.SubjectType;
import app.comptoir.platform.TenantContext;

/**
 * Bookings' reactions to the payments of appointments (after the payments module's commit, persisted in the event
 * publication registry): a succeeded payment confirms a held slot ({@link Appointments#paymentSucceeded}); a
 * checkout that expired at the provider ends the hold at once. The listeners run outside any transaction: the
 * use case starts its own under the event's tenant, so that row-level security sees that business.
 */
@Component
class PaymentReactions {

    private final Appointments appointments;
    private final TenantContext tenantContext;

    PaymentReactions(Appointments appointments, TenantContext tenantContext) {
        this.appointments = appointments;
        this.tenantContext = tenantContext;
    }

    @ApplicationModuleListener(id = "bookings.payment-succeeded", propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentSucceeded event) {
        if (event.subject().type() != SubjectType.BOOKING) {
            return;
        }
        tenantContext.runAs(event.tenantId(), () -> appointments.paymentSucceeded(event.subject().id(),
                event.amount(), event.method() != null && event.method().online()));
    }

    @ApplicationModuleListener(id = "bookings.payment-failed", propagation = Propagation.NOT_SUPPORTED)
    void on(PaymentFailed event) {
        if (event.subject().type() != SubjectType.BOOKING || !"expired".equals(event.reason())) {
            return;
        }
        tenantContext.runAs(event.tenantId(), () -> appointments.checkoutEnded(event.subject().id()));
    }
}
