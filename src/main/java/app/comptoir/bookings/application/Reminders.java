package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.AppointmentReminderDue;
import app.comptoir.bookings.domain.Appointment;
import app.comptoir.bookings.domain.ManageToken;
import app.comptoir.bookings.persistence.AppointmentStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.TenantContext;

/**
 * The reminder the day before ({@link BookingJobs}, hourly): a confirmed appointment starting within the next
 * {@value #AHEAD_HOURS} hours (but not within {@value #TOO_LATE_HOURS}: too late to be of use) and booked at least
 * that long before its start (else its confirmation is recent enough) publishes {@link AppointmentReminderDue} once,
 * with a new link for the customer; notifications e-mails it. {@code reminder_sent_at} is set by a guarded update
 * in the same transaction as the publication, so two runs or two nodes remind once; a moved appointment is
 * reminded again for its new time.
 */
@Component
public class Reminders {

    static final int AHEAD_HOURS = 24;
    static final int TOO_LATE_HOURS = 2;

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final AppointmentStore store;
    private final ResourceStore resources;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Reminders(AppointmentStore store, ResourceStore resources, TenantContext tenantContext, BusinessTime businessTime,
              ApplicationEventPublisher events, PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.resources = resources;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
        this.events = events;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** Reminds the due appointments of every booking business as of now; how many. */
    public int remindEverywhere() {
        Instant now = clock.instant();
        List<UUID> tenants = tx.execute(s -> store.bookingTenants());
        int reminded = 0;
        for (UUID tenant : tenants == null ? List.<UUID>of() : tenants) {
            try {
                reminded += remind(tenant, now);
            } catch (RuntimeException e) {
                log.warn("Reminders of business {} failed: {}", tenant, e.toString());
            }
        }
        return reminded;
    }

    /** Reminds the business's due appointments as of {@code now} (tests move it); how many. */
    public int remind(UUID tenant, Instant now) {
        return tenantContext.callAs(tenant, () -> {
            Integer count = tx.execute(s -> {
                int reminded = 0;
                String zone = businessTime.zone().getId();
                for (UUID id : store.dueReminders(tenant, now.plus(Duration.ofHours(TOO_LATE_HOURS)),
                        now.plus(Duration.ofHours(AHEAD_HOURS)), AHEAD_HOURS)) {
                    if (!store.markReminded(tenant, id, now)) {
                        continue;
                    }
                    Appointment a = store.find(tenant, id, false).orElseThrow();
                    String token = ManageToken.generate();
                    store.addLink(tenant, id, ManageToken.hash(token), now);
                    events.publishEvent(new AppointmentReminderDue(tenant, id, a.reference(), a.serviceName(),
                            resources.names(tenant).get(a.resourceId()), a.startsAt(), a.endsAt(), zone,
                            a.customer().name(), a.customer().email(), a.locale(), token));
                    reminded++;
                }
                return reminded;
            });
            return count == null ? 0 : count;
        });
    }
}
