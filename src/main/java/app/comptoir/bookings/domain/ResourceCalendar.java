package app.comptoir.bookings.domain;

import java.util.List;
import java.util.UUID;

/** What the slot computation knows of one resource: its capacity, weekly hours and the times already booked. */
public record ResourceCalendar(UUID resourceId, int capacity, WeeklyHours hours, List<Occupancy> booked) {

    public ResourceCalendar {
        booked = List.copyOf(booked);
    }
}
