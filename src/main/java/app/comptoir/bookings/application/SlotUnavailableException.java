package app.comptoir.bookings.application;

import java.util.List;
import java.util.Map;

import app.comptoir.platform.ConflictException;

/**
 * The slot asked for has no free resource any more (409 {@code slot-unavailable}): someone booked it first. The
 * detail says so in the customer's language, and {@code nextSlots} offers the next free ones.
 */
public class SlotUnavailableException extends ConflictException {

    /** The stable problem type. */
    public static final String TYPE = "slot-unavailable";

    private final List<SlotView> nextSlots;

    public SlotUnavailableException(String detail, List<SlotView> nextSlots) {
        super(TYPE, detail);
        this.nextSlots = List.copyOf(nextSlots);
    }

    public List<SlotView> nextSlots() {
        return nextSlots;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("nextSlots", nextSlots);
    }
}
