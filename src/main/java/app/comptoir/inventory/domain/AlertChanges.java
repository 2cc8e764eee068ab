package app.comptoir.inventory.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a change of a level does to its alerts: the alerts to raise (each with the threshold it crossed,
 * 0 for out of stock) and the open alerts to resolve.
 */
public record AlertChanges(Map<AlertType, Integer> raise, Set<AlertType> resolve) {

    public AlertChanges {
        // In the types' order, as the alerts are raised one after the other.
        raise = raise.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(raise));
        resolve = resolve.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(resolve));
    }

    /** Whether the change leaves every alert as it was (the usual case: no statement at all). */
    public boolean isEmpty() {
        return raise.isEmpty() && resolve.isEmpty();
    }
}
