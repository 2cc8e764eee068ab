package app.comptoir.sales.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;

/**
 * "A return takes at most what was sold less what came back": per line, the quantities asked for (summed
 * when a line is named twice) never exceed the sold quantity less the earlier returns; asking for nothing
 * in particular takes everything still out, and there must be something.
 */
public final class ReturnsAtMostWhatWasSold {

    private ReturnsAtMostWhatWasSold() {
    }

    /** A quantity of one order line asked back ({@code quantity} as sent: may be missing or out of range). */
    public record Asked(UUID lineId, Integer quantity) {
    }

    /**
     * The quantity taken back per line id, in the order of the request (of the lines when {@code asked} is
     * empty); field errors name {@code lines[i]}.
     */
    public static Map<UUID, Integer> taken(String number, List<LineView> lines, List<Asked> asked) {
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        if (asked == null || asked.isEmpty()) {
            for (LineView l : lines) {
                if (l.quantity() > l.returnedQuantity()) {
                    taken.put(l.id(), l.quantity() - l.returnedQuantity());
                }
            }
            if (taken.isEmpty()) {
                throw new ConflictException("nothing-to-return", "Everything of order " + number + " was already returned");
            }
            return taken;
        }
        for (int i = 0; i < asked.size(); i++) {
            Asked a = asked.get(i);
            String f = "lines[" + i + "]";
            if (a == null || a.lineId() == null) {
                throw InvalidInputException.field(f + ".lineId", "is required");
            }
            LineView line = lines.stream().filter(l -> l.id().equals(a.lineId())).findFirst()
                    .orElseThrow(() -> InvalidInputException.field(f + ".lineId", "is not a line of this order"));
            int remaining = line.quantity() - line.returnedQuantity() - taken.getOrDefault(line.id(), 0);
            if (a.quantity() == null || a.quantity() < 1 || a.quantity() > remaining) {
                throw InvalidInputException.field(f + ".quantity", "must be between 1 and " + remaining
                        + " (sold " + line.quantity() + ", returned " + line.returnedQuantity() + ")");
            }
            taken.merge(line.id(), a.quantity(), Integer::sum);
        }
        return taken;
    }
}
