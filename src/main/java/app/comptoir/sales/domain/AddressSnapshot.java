package app.comptoir.sales.domain;

import java.util.UUID;

/** A copy of the delivery address taken when it was set on the order ({@code addressId}: where it came from). */
public record AddressSnapshot(UUID addressId, String label, String line1, String line2, String postalCode,
                              String city, String country, String phone, String instructions) {
}
