package app.comptoir.bookings.persistence;

import java.util.List;
import java.util.UUID;

import app.comptoir.bookings.domain.ResourceKind;

/**
 * A resource as stored: name, kind, capacity, whether it takes appointments, its weekly hours (weekday 1 = Monday,
 * local times {@code HH:mm}) and the services it performs.
 */
public record ResourceView(UUID id, String name, ResourceKind kind, int capacity, boolean active,
                           List<Hours> hours, List<UUID> serviceIds, long version) {

    public ResourceView {
        hours = List.copyOf(hours);
        serviceIds = List.copyOf(serviceIds);
    }

    /** One opening interval of a weekday. */
    public record Hours(int weekday, String opensAt, String closesAt) {
    }
}
