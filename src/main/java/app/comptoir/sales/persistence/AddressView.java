package app.comptoir.sales.persistence;

import java.util.UUID;

/** One of a customer's addresses; at most one is the default for delivery and one for billing. */
public record AddressView(UUID id, String label, String line1, String line2, String postalCode, String city,
                          String country, String phone, String instructions, boolean defaultDelivery,
                          boolean defaultBilling, long version) {
}
