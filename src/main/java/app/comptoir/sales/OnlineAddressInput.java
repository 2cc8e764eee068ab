package app.comptoir.sales;

/**
 * An address an online customer adds or changes: {@code line1} and {@code city} required, {@code country} a
 * two-letter code (default FR); {@code defaultDelivery}/{@code defaultBilling} true make it that default (the first
 * address is both; a default is never taken away without another taking its place).
 */
public record OnlineAddressInput(String label, String line1, String line2, String postalCode, String city,
                                 String country, String phone, String instructions, Boolean defaultDelivery,
                                 Boolean defaultBilling) {
}
