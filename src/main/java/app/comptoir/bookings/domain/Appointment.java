package app.comptoir.bookings.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.comptoir.platform.ConflictException;

/**
 * An appointment and its workflow ({@link AppointmentStatus}): booked CONFIRMED when paid on site, or HELD while
 * the customer pays online, until the payment confirms it or the hold expires; a confirmed appointment is moved
 * (to another free slot or resource), cancelled, marked no-show once it has started, or completed. A customer's
 * cancellation or move is refused after the business's {@link Cutoff}. It decides every move in one place and
 * keeps each as a {@link TimelineEntry}; the use case loads, asks, stores {@link #recorded()} and publishes.
 */
public class Appointment {

    /** The audit trail's entity type of appointments. */
    public static final String AUDITED = "appointment";

    private final UUID tenantId;
    private final UUID id;
    private final String reference;
    private final UUID serviceId;
    private UUID resourceId;
    private final String serviceName;
    private Instant startsAt;
    private Instant endsAt;
    private Instant blockedFrom;
    private Instant blockedUntil;
    private AppointmentStatus status;
    private final Customer customer;
    private final PaymentChoice paymentChoice;
    private final BigDecimal price;
    private final String currency;
    private Instant holdExpiresAt;
    private final BookingSource source;
    private final String locale;
    private final String note;
    private String cancelReason;
    private Instant reminderSentAt;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;
    private final List<TimelineEntry> recorded = new ArrayList<>();

    /** Everything a stored appointment holds (for the store: {@link #restore}). */
    public record State(UUID tenantId, UUID id, String reference, UUID serviceId, UUID resourceId,
                        String serviceName, Instant startsAt, Instant endsAt, Instant blockedFrom,
                        Instant blockedUntil, AppointmentStatus status, Customer customer,
                        PaymentChoice paymentChoice, BigDecimal price, String currency, Instant holdExpiresAt,
                        BookingSource source, String locale, String note, String cancelReason,
                        Instant reminderSentAt, Instant createdAt, Instant updatedAt, long version) {
    }

    private Appointment(State s) {
        this.tenantId = s.tenantId();
        this.id = s.id();
        this.reference = s.reference();
        this.serviceId = s.serviceId();
        this.resourceId = s.resourceId();
        this.serviceName = s.serviceName();
        this.startsAt = s.startsAt();
        this.endsAt = s.endsAt();
        this.blockedFrom = s.blockedFrom();
        this.blockedUntil = s.blockedUntil();
        this.status = s.status();
        this.customer = s.customer();
        this.paymentChoice = s.paymentChoice();
        this.price = s.price();
        this.currency = s.currency();
        this.holdExpiresAt = s.holdExpiresAt();
        this.source = s.source();
        this.locale = s.locale();
        this.note = s.note();
        this.cancelReason = s.cancelReason();
        this.reminderSentAt = s.reminderSentAt();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
        this.version = s.version();
    }

    /** What a new appointment is: its slot, service, resource, customer and how they pay. */
    public record Booking(UUID tenantId, UUID id, String reference, UUID serviceId, String serviceName,
                          ServiceTiming timing, UUID resourceId, Instant start, Customer customer,
                          PaymentChoice paymentChoice, BigDecimal price, String currency, BookingSource source,
                          String locale, String note) {
    }

    /**
     * A new appointment: HELD until {@code now + hold} when the customer pays online (and something is to pay),
     * CONFIRMED at once otherwise. Its first timeline step says so.
     */
    public static Appointment book(Booking b, Duration hold, Instant now, UUID by, boolean byCustomer) {
        boolean held = b.paymentChoice() == PaymentChoice.ONLINE;
        if (held && b.price().signum() <= 0) {
            throw new ConflictException("nothing-to-pay-online", "Service " + b.serviceName()
                    + " is free: there is nothing to pay online");
        }
        Occupancy occupied = b.timing().occupancy(b.start());
        Appointment a = new Appointment(new State(b.tenantId(), b.id(), b.reference(), b.serviceId(), b.resourceId(),
                b.serviceName(), b.start(), b.start().plus(b.timing().duration()), occupied.from(), occupied.until(),
                held ? AppointmentStatus.HELD : AppointmentStatus.CONFIRMED, b.customer(), b.paymentChoice(),
                b.price(), b.currency(), held ? now.plus(hold) : null, b.source(), b.locale(), b.note(), null, null,
                now, now, 0));
        String action = b.source() == BookingSource.WALK_IN ? "WALK_IN" : held ? "HELD" : "BOOKED";
        a.recorded.add(new TimelineEntry(a.status, action, null, now, by, byCustomer));
        return a;
    }

    /** An appointment as stored. */
    public static Appointment restore(State state) {
        return new Appointment(state);
    }

    /**
     * The online payment arrived: a HELD appointment is CONFIRMED. Returns false when there is nothing to do (it
     * was confirmed already, e.g. by a payment recorded at the counter).
     */
    public boolean confirmPayment(Instant now) {
        if (status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.COMPLETED) {
            return false;
        }
        move(AppointmentStatus.CONFIRMED, "PAID", null, now, null, false);
        holdExpiresAt = null;
        return true;
    }

    /**
     * A payment arrived after the hold expired, and the use case found the slot still free: the appointment is
     * CONFIRMED after all.
     */
    public void confirmLatePayment(Instant now) {
        if (status != AppointmentStatus.EXPIRED) {
            throw new AppointmentTransitionException("Appointment " + reference + " is " + status
                    + ": only an expired hold is confirmed by a late payment", status, AppointmentStatus.CONFIRMED,
                    status.next());
        }
        status = AppointmentStatus.CONFIRMED;
        holdExpiresAt = null;
        updatedAt = now;
        recorded.add(new TimelineEntry(status, "PAID_LATE", null, now, null, false));
    }

    /** The hold lapsed unpaid: EXPIRED, the slot is free again. False when it is not (or no longer) due. */
    public boolean expireHold(Instant now) {
        if (status != AppointmentStatus.HELD || holdExpiresAt == null || now.isBefore(holdExpiresAt)) {
            return false;
        }
        move(AppointmentStatus.EXPIRED, "EXPIRED", null, now, null, false);
        return true;
    }

    /**
     * Cancels a held or confirmed appointment, with an optional reason; the customer only until the cut-off of a
     * confirmed one (a hold, still being paid, they may always give up).
     */
    public void cancel(Party party, String reason, Cutoff cutoff, Instant now, UUID by) {
        if (party == Party.CUSTOMER && status == AppointmentStatus.CONFIRMED) {
            cutoff.requireOpen(startsAt, now);
        }
        move(AppointmentStatus.CANCELLED, "CANCELLED", reason, now, by, party == Party.CUSTOMER);
        cancelReason = reason;
    }

    /** The customer did not come: only once the appointment has started. */
    public void markNoShow(Instant now, UUID by) {
        if (status == AppointmentStatus.CONFIRMED && now.isBefore(startsAt)) {
            throw new ConflictException("appointment-not-started", "Appointment " + reference
                    + " has not started yet: a no-show is recorded from " + startsAt + " on");
        }
        move(AppointmentStatus.NO_SHOW, "NO_SHOW", null, now, by, false);
    }

    /** The service was done. */
    public void complete(Instant now, UUID by) {
        move(AppointmentStatus.COMPLETED, "COMPLETED", null, now, by, false);
    }

    /**
     * Moves a confirmed appointment to another start (the use case found it free) and possibly another resource;
     * the customer only until the cut-off of its current start. A new reminder will go out for the new time.
     */
    public void moveTo(UUID resource, Instant start, ServiceTiming timing, Party party, Cutoff cutoff, Instant now,
                       UUID by) {
        requireMovable(party, cutoff, now);
        String note = startsAt + " → " + start;
        Occupancy occupied = timing.occupancy(start);
        this.resourceId = resource;
        this.startsAt = start;
        this.endsAt = start.plus(timing.duration());
        this.blockedFrom = occupied.from();
        this.blockedUntil = occupied.until();
        this.reminderSentAt = null;
        this.updatedAt = now;
        recorded.add(new TimelineEntry(status, "MOVED", note, now, by, party == Party.CUSTOMER));
    }

    /**
     * Refuses a move of an appointment that is not confirmed (409 {@code appointment-transition}), or by the
     * customer after the cut-off (409 {@code booking-cutoff-passed}): asked before looking for the new slot.
     */
    public void requireMovable(Party party, Cutoff cutoff, Instant now) {
        if (status != AppointmentStatus.CONFIRMED) {
            throw new AppointmentTransitionException("Appointment " + reference + " is " + status
                    + ": only a confirmed appointment moves", status, null, status.next());
        }
        if (party == Party.CUSTOMER) {
            cutoff.requireOpen(startsAt, now);
        }
    }

    /** A payment arrived for an appointment that no longer holds its slot, and was given back: kept in the timeline. */
    public void recordRefundedPayment(String note, Instant now) {
        recorded.add(new TimelineEntry(status, "PAYMENT_REFUNDED", note, now, null, false));
    }

    /** Whether the appointment keeps its slot at {@code now}: confirmed or completed, or held and not expired. */
    public boolean occupies(Instant now) {
        return status == AppointmentStatus.CONFIRMED || status == AppointmentStatus.COMPLETED
                || (status == AppointmentStatus.HELD && holdExpiresAt != null && now.isBefore(holdExpiresAt));
    }

    /** The statuses staff may move it to now (for the buttons and the 409's {@code allowed}). */
    public List<AppointmentStatus> next() {
        return status.next();
    }

    /** The timeline steps made since it was loaded (or created), oldest first, for the store to append. */
    public List<TimelineEntry> recorded() {
        return List.copyOf(recorded);
    }

    private void move(AppointmentStatus target, String action, String note, Instant at, UUID by, boolean byCustomer) {
        if (!status.canMoveTo(target)) {
            throw new AppointmentTransitionException("Appointment " + reference + " cannot go from " + status
                    + " to " + target + (status.isFinal() ? " (" + status + " is final)"
                    : " (allowed: " + String.join(", ", status.next().stream().map(Enum::name).toList()) + ")"),
                    status, target, status.next());
        }
        status = target;
        updatedAt = at;
        recorded.add(new TimelineEntry(target, action, note, at, by, byCustomer));
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public UUID resourceId() {
        return resourceId;
    }

    public String serviceName() {
        return serviceName;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public Instant blockedFrom() {
        return blockedFrom;
    }

    public Instant blockedUntil() {
        return blockedUntil;
    }

    public AppointmentStatus status() {
        return status;
    }

    public Customer customer() {
        return customer;
    }

    public PaymentChoice paymentChoice() {
        return paymentChoice;
    }

    public BigDecimal price() {
        return price;
    }

    public String currency() {
        return currency;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    public BookingSource source() {
        return source;
    }

    public String locale() {
        return locale;
    }

    public String note() {
        return note;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public Instant reminderSentAt() {
        return reminderSentAt;
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
