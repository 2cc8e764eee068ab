package app.comptoir.bookings.domain;

/**
 * Who the appointment is for, as checked by {@link CustomerRules}: name, phone, optional e-mail, and for a vehicle
 * service the plate (normalised: {@code AB-123-CD} or {@code 1234 AB 56}) and the vehicle's category.
 */
public record Customer(String name, String phone, String email, String vehiclePlate, String vehicleCategory) {
}
