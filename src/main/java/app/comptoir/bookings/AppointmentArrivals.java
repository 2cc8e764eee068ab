package app.comptoir.bookings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.bookings.application.AppointmentView;
import app.comptoir.bookings.application.Appointments;
import app.comptoir.bookings.application.BookingResources;
import app.comptoir.bookings.domain.ResourceKind;
import app.comptoir.bookings.persistence.ResourceView;

/**
 * The appointments as the inspection centre's reception sees them: the day's arrivals, the one a scanned QR code
 * (the customer's link) or a typed reference opens, and the appointment marked done when its inspection completes.
 */
@Service
public class AppointmentArrivals {

    /** An appointment at reception: who comes, when, for what, on which resource, with which vehicle. */
    public record Arrival(UUID id, String reference, String status, UUID serviceId, String serviceName,
                          UUID resourceId, String resourceName, Instant startsAt, Instant endsAt, String customerName,
                          String email, String phone, String vehiclePlate, String vehicleCategory) {
    }

    /** A lane or an inspector of the centre (the resources appointments are booked on). */
    public record Station(UUID id, String name, boolean lane) {
    }

    private final Appointments appointments;
    private final BookingResources resources;

    AppointmentArrivals(Appointments appointments, BookingResources resources) {
        this.appointments = appointments;
        this.resources = resources;
    }

    /** The active lanes and inspectors, by name. */
    public List<Station> stations() {
        return resources.list().stream().filter(ResourceView::active)
                .filter(r -> r.kind() == ResourceKind.LANE || r.kind() == ResourceKind.INSPECTOR)
                .map(r -> new Station(r.id(), r.name(), r.kind() == ResourceKind.LANE)).toList();
    }

    /** The appointments of a day of the business (not cancelled or expired), by start. */
    public List<Arrival> onDay(LocalDate day) {
        return appointments.calendar(day, day, null, false).stream().map(AppointmentArrivals::arrival).toList();
    }

    /** The appointment of this business with this id. */
    public Optional<Arrival> find(UUID id) {
        try {
            return Optional.of(arrival(appointments.find(id)));
        } catch (app.comptoir.platform.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The appointment a scanned QR code (the customer's link, or its token) or a typed reference points to. */
    public Optional<Arrival> byCode(String code) {
        return appointments.findByCode(code).map(AppointmentArrivals::arrival);
    }

    /** The appointment's service was done (the caller checked its own permission); a completed one stays so. */
    public void markDone(UUID id) {
        appointments.completeDone(id);
    }

    private static Arrival arrival(AppointmentView v) {
        return new Arrival(v.id(), v.reference(), v.status().name(), v.serviceId(), v.serviceName(), v.resourceId(),
                v.resourceName(), v.startsAt(), v.endsAt(), v.customerName(), v.email(), v.phone(), v.vehiclePlate(),
                v.vehicleCategory());
    }
}
