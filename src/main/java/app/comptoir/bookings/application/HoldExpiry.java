package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.persistence.AppointmentStore;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.Payments;
import app.comptoir.platform.TenantContext;

/**
 * Ends the holds nobody paid ({@link BookingJobs}, every minute): a HELD appointment whose hold lapsed becomes
 * EXPIRED (its slot is free again; the slot computation already ignores a lapsed hold, so nobody waits for this
 * run), nothing is due on it any more, and its open online checkout is cancelled at the provider. Each hold is
 * expired in its own transaction, its row locked, so a payment confirming it at the same time is decided one
 * after the other; the checkout is cancelled after that commit (a provider that does not answer does not keep
 * the slot), and a payment that still arrives is handled as a late payment.
 */
@Component
public class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final AppointmentStore store;
    private final Appointments appointments;
    private final Payments payments;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    HoldExpiry(AppointmentStore store, Appointments appointments, Payments payments, TenantContext tenantContext,
               PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.appointments = appointments;
        this.payments = payments;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Expires the lapsed holds of every booking business as of now; how many. */
    public int expireEverywhere() {
        Instant now = clock.instant();
        List<UUID> tenants = tx.execute(s -> store.bookingTenants());
        int expired = 0;
        for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
            try {
                expired += expire(tenant, now);
            } catch (RuntimeException e) {
                log.warn("Hold expiry of business {} failed: {}", tenant, e.toString());
            }
        }
        return expired;
    }

    /** Expires the business's holds lapsed by {@code now} (tests move it); how many. */
    public int expire(UUID tenant, Instant now) {
        return tenantContext.callAs(tenant, () -> {
            List<UUID> lapsed = tx.execute(s -> store.lapsedHolds(tenant, now));
            int expired = 0;
            for (UUID id : lapsed == null ? List.<UUID>of() : lapsed) {
                if (Boolean.TRUE.equals(tx.execute(s -> appointments.expireHold(id, now)))) {
                    expired++;
                    try {
                        payments.cancelPending(PaymentSubject.booking(id));
                    } catch (RuntimeException e) {
                        log.warn("Checkout of expired appointment {} not cancelled: {}", id, e.toString());
                    }
                }
            }
            return expired;
        });
    }
}
