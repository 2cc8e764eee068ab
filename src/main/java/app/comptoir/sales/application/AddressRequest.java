package app.comptoir.sales.application;

/**
 * An address to add or change: {@code line1} and {@code city} are required; {@code country} is an ISO
 * 3166 alpha-2 code (default {@code FR}). The default flags are only read when adding an address (the first
 * address of a customer becomes both defaults); use {@code POST .../default} to change them afterwards.
 */
public record AddressRequest(String label, String line1, String line2, String postalCode, String city,
                             String country, String phone, String instructions, Boolean defaultDelivery,
                             Boolean defaultBilling) {
}
