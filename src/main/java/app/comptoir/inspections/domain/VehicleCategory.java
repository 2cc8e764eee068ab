package app.comptoir.inspections.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The vehicle categories the centre inspects (field J of the registration document): passenger cars (M1), light
 * commercial vehicles up to 3.5 t (N1) and two- or three-wheelers (L, written L1e to L7e on the document).
 */
public enum VehicleCategory {
    M1, N1, L;

    /** The category of a typed or scanned code ("m1", "N1", "L3e"...), or empty when the centre does not inspect it. */
    public static Optional<VehicleCategory> of(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.matches("L[1-7]E?")) {
            return Optional.of(L);
        }
        for (VehicleCategory category : values()) {
            if (category.name().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
