package app.comptoir.bookings.persistence;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import app.comptoir.bookings.domain.ServiceTiming;

/** A bookable service as stored: name, description, duration, price, buffers, vehicle categories, whether offered. */
public record ServiceView(UUID id, String name, String description, int durationMinutes, BigDecimal price,
                          int bufferBeforeMinutes, int bufferAfterMinutes, List<String> vehicleCategories,
                          boolean active, long version) {

    public ServiceView {
        vehicleCategories = List.copyOf(vehicleCategories);
    }

    /** Its duration and buffers, for the slot computation. */
    public ServiceTiming timing() {
        return ServiceTiming.ofMinutes(durationMinutes, bufferBeforeMinutes, bufferAfterMinutes);
    }
}
