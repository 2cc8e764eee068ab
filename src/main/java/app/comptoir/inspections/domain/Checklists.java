package app.comptoir.inspections.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checklist of each vehicle category: the control points, grouped by {@link ControlFunction} in the
 * regulation's order. Passenger cars and light commercial vehicles share one list (the load compartment is for N1
 * only); two-wheelers have a shorter one (no parking brake, wipers, belts or airbags). Labels are in the message
 * bundles under {@code inspections.point.<code>}.
 */
public final class Checklists {

    private record Entry(String code, ControlFunction function, Set<VehicleCategory> categories) {
    }

    private static final Set<VehicleCategory> ALL = Set.of(VehicleCategory.M1, VehicleCategory.N1, VehicleCategory.L);
    private static final Set<VehicleCategory> FOUR_WHEELS = Set.of(VehicleCategory.M1, VehicleCategory.N1);

    private static final List<Entry> ENTRIES = List.of(
            new Entry("0.1", ControlFunction.IDENTIFICATION, ALL),
            new Entry("0.2", ControlFunction.IDENTIFICATION, ALL),
            new Entry("0.3", ControlFunction.IDENTIFICATION, ALL),
            new Entry("1.1", ControlFunction.BRAKES, ALL),
            new Entry("1.2", ControlFunction.BRAKES, FOUR_WHEELS),
            new Entry("1.3", ControlFunction.BRAKES, FOUR_WHEELS),
            new Entry("1.4", ControlFunction.BRAKES, ALL),
            new Entry("1.5", ControlFunction.BRAKES, ALL),
            new Entry("1.6", ControlFunction.BRAKES, ALL),
            new Entry("2.1", ControlFunction.STEERING, ALL),
            new Entry("2.2", ControlFunction.STEERING, ALL),
            new Entry("2.3", ControlFunction.STEERING, FOUR_WHEELS),
            new Entry("3.1", ControlFunction.VISIBILITY, FOUR_WHEELS),
            new Entry("3.2", ControlFunction.VISIBILITY, FOUR_WHEELS),
            new Entry("3.3", ControlFunction.VISIBILITY, ALL),
            new Entry("4.1", ControlFunction.LIGHTS, ALL),
            new Entry("4.2", ControlFunction.LIGHTS, ALL),
            new Entry("4.3", ControlFunction.LIGHTS, ALL),
            new Entry("4.4", ControlFunction.LIGHTS, ALL),
            new Entry("4.5", ControlFunction.LIGHTS, FOUR_WHEELS),
            new Entry("5.1", ControlFunction.AXLES_WHEELS, ALL),
            new Entry("5.2", ControlFunction.AXLES_WHEELS, ALL),
            new Entry("5.3", ControlFunction.AXLES_WHEELS, ALL),
            new Entry("5.4", ControlFunction.AXLES_WHEELS, FOUR_WHEELS),
            new Entry("6.1", ControlFunction.CHASSIS, ALL),
            new Entry("6.2", ControlFunction.CHASSIS, ALL),
            new Entry("6.3", ControlFunction.CHASSIS, Set.of(VehicleCategory.N1)),
            new Entry("7.1", ControlFunction.EQUIPMENT, FOUR_WHEELS),
            new Entry("7.2", ControlFunction.EQUIPMENT, ALL),
            new Entry("7.3", ControlFunction.EQUIPMENT, ALL),
            new Entry("7.4", ControlFunction.EQUIPMENT, FOUR_WHEELS),
            new Entry("8.1", ControlFunction.POLLUTION, ALL),
            new Entry("8.2", ControlFunction.POLLUTION, ALL),
            new Entry("8.3", ControlFunction.POLLUTION, ALL));

    private static final Map<VehicleCategory, List<ControlPoint>> BY_CATEGORY = Map.of(
            VehicleCategory.M1, build(VehicleCategory.M1),
            VehicleCategory.N1, build(VehicleCategory.N1),
            VehicleCategory.L, build(VehicleCategory.L));

    private Checklists() {
    }

    /** The control points of the category, in order. */
    public static List<ControlPoint> of(VehicleCategory category) {
        return BY_CATEGORY.get(category);
    }

    private static List<ControlPoint> build(VehicleCategory category) {
        List<ControlPoint> points = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (entry.categories().contains(category)) {
                points.add(new ControlPoint(entry.code(), entry.function(), points.size() + 1));
            }
        }
        return List.copyOf(points);
    }
}
