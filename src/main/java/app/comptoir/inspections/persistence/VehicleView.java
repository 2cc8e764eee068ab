package app.comptoir.inspections.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A vehicle as stored: identification (plate, VIN, make, category, fuel, first registration) and its owner. */
public record VehicleView(UUID id, String plate, String vin, String brand, String model, String category, String fuel,
                          LocalDate firstRegisteredOn, String ownerName, String ownerEmail, String ownerPhone,
                          Instant createdAt, Instant updatedAt, long version) {
}
