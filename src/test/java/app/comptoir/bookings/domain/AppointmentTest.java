package app.comptoir.bookings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ConflictException;

class AppointmentTest {

    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");
    private static final Instant START = Instant.parse("2026-06-15T07:00:00Z");
    private static final ServiceTiming TIMING = ServiceTiming.ofMinutes(45, 5, 10);
    private static final Cutoff CUTOFF = new Cutoff(24, "04 72 00 00 00");
    private static final UUID STAFF = UUID.randomUUID();

    private static Appointment book(PaymentChoice choice) {
        return Appointment.book(new Appointment.Booking(UUID.randomUUID(), UUID.randomUUID(), "RDV-2026-000001",
                UUID.randomUUID(), "Contrôle technique", TIMING, UUID.randomUUID(), START,
                new Customer("Léa Martin", "06 12 34 56 78", null, "AB-123-CD", "M1"), choice,
                new BigDecimal("78.00"), "EUR", BookingSource.PUBLIC, "fr", null), Duration.ofMinutes(15), NOW,
                null, true);
    }

    @Test
    void payingOnSiteConfirmsAtOnceAndTheBuffersMakeTheOccupiedTime() {
        Appointment a = book(PaymentChoice.ON_SITE);

        assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(a.endsAt()).isEqualTo(START.plus(Duration.ofMinutes(45)));
        assertThat(a.blockedFrom()).isEqualTo(START.minus(Duration.ofMinutes(5)));
        assertThat(a.blockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(55)));
        assertThat(a.holdExpiresAt()).isNull();
        assertThat(a.recorded()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("BOOKED");
            assertThat(e.byCustomer()).isTrue();
        });
    }

    @Test
    void payingOnlineHoldsTheSlotUntilThePaymentOrTheHoldsEnd() {
        Appointment paid = book(PaymentChoice.ONLINE);
        assertThat(paid.status()).isEqualTo(AppointmentStatus.HELD);
        assertThat(paid.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(paid.occupies(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(paid.occupies(NOW.plus(Duration.ofMinutes(15)))).isFalse();

        assertThat(paid.confirmPayment(NOW.plus(Duration.ofMinutes(3)))).isTrue();
        assertThat(paid.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(paid.confirmPayment(NOW.plus(Duration.ofMinutes(4)))).isFalse();

        Appointment unpaid = book(PaymentChoice.ONLINE);
        assertThat(unpaid.expireHold(NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(unpaid.expireHold(NOW.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(unpaid.status()).isEqualTo(AppointmentStatus.EXPIRED);
        assertThat(unpaid.occupies(NOW)).isFalse();
    }

    @Test
    void aLatePaymentConfirmsAnExpiredHoldOnly() {
        Appointment a = book(PaymentChoice.ONLINE);
        a.expireHold(NOW.plus(Duration.ofMinutes(20)));
        a.confirmLatePayment(NOW.plus(Duration.ofMinutes(21)));
        assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);

        assertThatThrownBy(() -> book(PaymentChoice.ON_SITE).confirmLatePayment(NOW))
                .isInstanceOf(AppointmentTransitionException.class);
    }

    @Test
    void aFreeServiceCannotBePaidOnline() {
        assertThatThrownBy(() -> Appointment.book(new Appointment.Booking(UUID.randomUUID(), UUID.randomUUID(),
                "RDV-2026-000002", UUID.randomUUID(), "Contre-visite", TIMING, UUID.randomUUID(), START,
                new Customer("Léa", "0612345678", null, null, null), PaymentChoice.ONLINE, BigDecimal.ZERO, "EUR",
                BookingSource.PUBLIC, "fr", null), Duration.ofMinutes(15), NOW, null, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("free");
    }

    @Test
    void theCustomerCancelsUntilTheCutOffThenIsGivenThePhone() {
        Appointment early = book(PaymentChoice.ON_SITE);
        early.cancel(Party.CUSTOMER, null, CUTOFF, START.minus(Duration.ofHours(25)), null);
        assertThat(early.status()).isEqualTo(AppointmentStatus.CANCELLED);

        Appointment late = book(PaymentChoice.ON_SITE);
        assertThatThrownBy(() -> late.cancel(Party.CUSTOMER, null, CUTOFF, START.minus(Duration.ofHours(23)), null))
                .isInstanceOfSatisfying(CutoffPassedException.class, e -> {
                    assertThat(e.type()).isEqualTo("booking-cutoff-passed");
                    assertThat(e.contactPhone()).isEqualTo("04 72 00 00 00");
                    assertThat(e.deadline()).isEqualTo(START.minus(Duration.ofHours(24)));
                });
        late.cancel(Party.STAFF, "Client malade", CUTOFF, START.minus(Duration.ofHours(1)), STAFF);
        assertThat(late.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(late.cancelReason()).isEqualTo("Client malade");
    }

    @Test
    void illegalMovesAreRefusedWithTheAllowedOnes() {
        Appointment a = book(PaymentChoice.ON_SITE);
        a.complete(START, STAFF);

        assertThatThrownBy(() -> a.cancel(Party.STAFF, null, CUTOFF, START, STAFF))
                .isInstanceOfSatisfying(AppointmentTransitionException.class, e -> {
                    assertThat(e.type()).isEqualTo("appointment-transition");
                    assertThat(e.properties()).containsEntry("from", "COMPLETED").containsEntry("to", "CANCELLED")
                            .containsEntry("allowed", java.util.List.of());
                });
        Appointment held = book(PaymentChoice.ONLINE);
        assertThatThrownBy(() -> held.markNoShow(START.plusSeconds(60), STAFF))
                .isInstanceOfSatisfying(AppointmentTransitionException.class, e -> assertThat(e.properties())
                        .containsEntry("allowed", java.util.List.of("CONFIRMED", "CANCELLED", "EXPIRED")));
    }

    @Test
    void aNoShowIsRecordedOnlyOnceTheAppointmentHasStarted() {
        Appointment a = book(PaymentChoice.ON_SITE);
        assertThatThrownBy(() -> a.markNoShow(START.minusSeconds(60), STAFF))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not started");
        a.markNoShow(START.plusSeconds(600), STAFF);
        assertThat(a.status()).isEqualTo(AppointmentStatus.NO_SHOW);
        assertThat(a.occupies(START)).isFalse();
    }

    @Test
    void movingChangesTheTimesAndTheResourceAndAsksForANewReminder() {
        Appointment a = book(PaymentChoice.ON_SITE);
        UUID lane2 = UUID.randomUUID();
        Instant later = START.plus(Duration.ofHours(2));

        a.moveTo(lane2, later, TIMING, Party.STAFF, CUTOFF, START.minus(Duration.ofHours(1)), STAFF);

        assertThat(a.resourceId()).isEqualTo(lane2);
        assertThat(a.startsAt()).isEqualTo(later);
        assertThat(a.blockedUntil()).isEqualTo(later.plus(Duration.ofMinutes(55)));
        assertThat(a.reminderSentAt()).isNull();
        assertThat(a.recorded()).last().satisfies(e -> assertThat(e.action()).isEqualTo("MOVED"));
        assertThatThrownBy(() -> a.moveTo(lane2, later, TIMING, Party.CUSTOMER, CUTOFF,
                later.minus(Duration.ofHours(2)), null)).isInstanceOf(CutoffPassedException.class);
        a.cancel(Party.STAFF, null, CUTOFF, NOW, STAFF);
        assertThatThrownBy(() -> a.moveTo(lane2, later, TIMING, Party.STAFF, CUTOFF, NOW, STAFF))
                .isInstanceOf(AppointmentTransitionException.class);
    }
}
