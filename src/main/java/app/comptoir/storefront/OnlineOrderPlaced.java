package app.comptoir.storefront;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A shopper placed an order in a business's online shop (its confirmation e-mail goes to them): the order, the
 * shopper's address, name and language, what it costs, how it is paid ({@code ONLINE} or {@code ON_DELIVERY}), the
 * delivery slot if one was chosen, and the shop's address for the link back.
 */
public record OnlineOrderPlaced(UUID tenantId, UUID orderId, String number, String shopSlug, String email,
                                String name, String locale, BigDecimal gross, String currency, String payment,
                                LocalDate slotDay, String slotLabel) {
}
