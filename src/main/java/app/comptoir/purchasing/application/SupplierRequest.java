package app.comptoir.purchasing.application;

/**
 * A supplier to create or change: {@code name} is required (at most 160 characters); the rest is optional.
 * {@code favourite} null keeps the current flag (false for a new supplier); {@code version}, when given on a
 * change, must be the current one (else 409 {@code concurrent-modification}).
 */
public record SupplierRequest(String name, String contactName, String phone, String email, String address,
                              String city, String notes, Boolean favourite, Long version) {
}
