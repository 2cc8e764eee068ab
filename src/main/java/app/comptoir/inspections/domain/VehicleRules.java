package app.comptoir.inspections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.comptoir.bookings.VehiclePlate;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TextInput;

/**
 * What a vehicle's fields must be, reported all at once: a French plate (SIV or FNI), a VIN when given ({@link Vin}),
 * a category the centre inspects, a first registration neither in the future nor before 1900, an owner's e-mail
 * that looks like one. Values come back in their official spelling.
 */
public final class VehicleRules {

    /** The fields as typed or scanned. */
    public record Input(String plate, String vin, String brand, String model, String category, String fuel,
                        LocalDate firstRegisteredOn, String ownerName, String ownerEmail, String ownerPhone) {
    }

    /** The fields checked and normalised. */
    public record Checked(String plate, String vin, String brand, String model, VehicleCategory category,
                          String fuel, LocalDate firstRegisteredOn, String ownerName, String ownerEmail,
                          String ownerPhone) {
    }

    private VehicleRules() {
    }

    /** The checked fields, or a 400 listing every field in error. */
    public static Checked check(Input input, LocalDate today) {
        Input in = input == null ? new Input(null, null, null, null, null, null, null, null, null, null) : input;
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String plate = null;
        String typedPlate = text("plate", in.plate(), 20, true, errors);
        if (typedPlate != null) {
            plate = VehiclePlate.normalize(typedPlate).orElse(null);
            if (plate == null) {
                errors.add(new InvalidInputException.FieldError("plate",
                        "must be a French plate such as AB-123-CD or 1234 AB 56"));
            }
        }
        String vin = null;
        String typedVin = text("vin", in.vin(), 40, false, errors);
        if (typedVin != null) {
            vin = Vin.normalize(typedVin).orElse(null);
            if (vin == null) {
                errors.add(new InvalidInputException.FieldError("vin",
                        "must be 17 letters and digits without I, O or Q (and its check digit where it applies)"));
            }
        }
        VehicleCategory category = null;
        String typedCategory = text("category", in.category(), 8, true, errors);
        if (typedCategory != null) {
            category = VehicleCategory.of(typedCategory).orElse(null);
            if (category == null) {
                errors.add(new InvalidInputException.FieldError("category", "must be one of M1, N1, L"));
            }
        }
        String fuel = text("fuel", in.fuel(), 20, false, errors);
        if (fuel != null) {
            fuel = fuel.toUpperCase(Locale.ROOT);
        }
        LocalDate first = in.firstRegisteredOn();
        if (first != null && (first.isAfter(today) || first.getYear() < 1900)) {
            errors.add(new InvalidInputException.FieldError("firstRegisteredOn",
                    "must be a past date after 1900"));
        }
        String email = text("ownerEmail", in.ownerEmail(), 254, false, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new InvalidInputException.FieldError("ownerEmail", "must be an e-mail address"));
        }
        String phone = text("ownerPhone", in.ownerPhone(), 40, false, errors);
        if (phone != null && !phone.matches("[+0-9 ().\\-/]+")) {
            errors.add(new InvalidInputException.FieldError("ownerPhone", "must be a phone number"));
        }
        Checked checked = new Checked(plate, vin, text("brand", in.brand(), 60, false, errors),
                text("model", in.model(), 80, false, errors), category, fuel, first,
                text("ownerName", in.ownerName(), 160, false, errors), email, phone);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The vehicle's fields are not valid", errors);
        }
        return checked;
    }

    private static String text(String field, String value, int max, boolean required,
                               List<InvalidInputException.FieldError> errors) {
        return TextInput.field(field, value, max, required, errors);
    }
}
