package app.comptoir.bookings.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.comptoir.bookings.VehiclePlate;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TextInput;

/**
 * What a customer must give to book, every broken field reported at once: a name ({@code customerName}), a phone
 * ({@code phone}: 6 to 15 digits, with + spaces dots dashes or brackets), an optional e-mail ({@code email}), and
 * for a service with vehicle categories a French plate ({@code vehiclePlate}, see {@link VehiclePlate}) and one of
 * the service's categories ({@code vehicleCategory}; the only one when there is one).
 */
public final class CustomerRules {

    /** What was typed. */
    public record Input(String name, String phone, String email, String vehiclePlate, String vehicleCategory) {
    }

    private CustomerRules() {
    }

    public static Customer check(Input input, List<String> vehicleCategories) {
        Input in = input == null ? new Input(null, null, null, null, null) : input;
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String name = text("customerName", in.name(), 120, true, errors);
        String phone = text("phone", in.phone(), 40, true, errors);
        if (phone != null) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!phone.matches("[+0-9 ().\\-/]+") || digits < 6 || digits > 15) {
                errors.add(new InvalidInputException.FieldError("phone",
                        "must be a phone number (6 to 15 digits, + . - ( ) and spaces allowed)"));
                phone = null;
            }
        }
        String email = text("email", in.email(), 254, false, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new InvalidInputException.FieldError("email", "must be an e-mail address"));
            email = null;
        }
        String plate = null;
        String category = null;
        if (vehicleCategories != null && !vehicleCategories.isEmpty()) {
            String typedPlate = text("vehiclePlate", in.vehiclePlate(), 20, true, errors);
            if (typedPlate != null) {
                plate = VehiclePlate.normalize(typedPlate).orElse(null);
                if (plate == null) {
                    errors.add(new InvalidInputException.FieldError("vehiclePlate",
                            "must be a French plate such as AB-123-CD or 1234 AB 56"));
                }
            }
            String typedCategory = text("vehicleCategory", in.vehicleCategory(), 10, false, errors);
            if (typedCategory == null && vehicleCategories.size() == 1) {
                category = vehicleCategories.getFirst();
            } else if (typedCategory == null) {
                errors.add(new InvalidInputException.FieldError("vehicleCategory",
                        "is required: one of " + String.join(", ", vehicleCategories)));
            } else if (!vehicleCategories.contains(typedCategory.toUpperCase(Locale.ROOT))) {
                errors.add(new InvalidInputException.FieldError("vehicleCategory",
                        "must be one of " + String.join(", ", vehicleCategories)));
            } else {
                category = typedCategory.toUpperCase(Locale.ROOT);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid", errors);
        }
        return new Customer(name, phone, email, plate, category);
    }

    /** The text stripped, null when blank; required, too long or holding a control character is a field error. */
    static String text(String field, String value, int max, boolean required,
                       List<InvalidInputException.FieldError> errors) {
        return TextInput.field(field, value, max, required, errors);
    }
}
