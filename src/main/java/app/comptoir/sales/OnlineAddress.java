package app.comptoir.sales;

import java.util.UUID;

/** One of an online customer's addresses; at most one is the default for delivery and one for billing. */
public record OnlineAddress(UUID id, String label, String line1, String line2, String postalCode, String city,
                            String country, String phone, String instructions, boolean defaultDelivery,
                            boolean defaultBilling) {
}
