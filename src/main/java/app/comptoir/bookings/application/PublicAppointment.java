package app.comptoir.bookings.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.PaymentChoice;

/**
 * An appointment as its customer sees it through their link: reference, status, service, resource, times (instants
 * and, in the business's zone, the day and times), the vehicle, how they pay, until when a hold lasts, whether they
 * may still move or cancel it ({@code changeable}, until {@code changeDeadline}) and the business's phone.
 */
public record PublicAppointment(UUID id, String reference, AppointmentStatus status, UUID serviceId,
                                String serviceName, String resourceName, Instant startsAt, Instant endsAt,
                                LocalDate day, String time, String endTime, String zone, String customerName,
                                String vehiclePlate, String vehicleCategory, PaymentChoice paymentChoice,
                                BigDecimal price, String currency, Instant holdExpiresAt, boolean changeable,
                                Instant changeDeadline, String contactPhone) {
}
