package app.comptoir.bookings.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a resource takes one more appointment: a resource of capacity n holds at most n appointments at any
 * instant. Two appointments that overlap a new one but not each other count once (9:00–10:00 and 10:00–11:00 both
 * touch 9:30–10:30, never together), so what counts is the most appointments at once within the new one's time.
 */
public final class Capacity {

    private Capacity() {
    }

    /** Whether {@code from..until} fits beside the resource's occupied times under its capacity. */
    public static boolean fits(List<Occupancy> booked, Instant from, Instant until, int capacity) {
        return mostAtOnce(booked, from, until) < capacity;
    }

    /** The most occupied times that overlap each other and {@code from..until} at one instant. */
    public static int mostAtOnce(List<Occupancy> booked, Instant from, Instant until) {
        record Edge(Instant at, int delta) {
        }
        List<Edge> edges = new ArrayList<>();
        for (Occupancy o : booked) {
            if (o.overlaps(from, until)) {
                Instant start = o.from().isBefore(from) ? from : o.from();
                Instant end = o.until().isAfter(until) ? until : o.until();
                edges.add(new Edge(start, 1));
                edges.add(new Edge(end, -1));
            }
        }
        // An end and a start at the same instant do not overlap: ends first.
        edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
        int now = 0;
        int most = 0;
        for (Edge e : edges) {
            now += e.delta();
            most = Math.max(most, now);
        }
        return most;
    }
}
