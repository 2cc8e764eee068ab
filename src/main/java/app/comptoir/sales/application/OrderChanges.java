package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Changes to an order; a null field is left as it is. Customer, lines (replaced all together) and delivery
 * fee may change only in {@code DRAFT}; the delivery address and notes until the order is out for delivery.
 * {@code version}, when given, must be the current one.
 */
public record OrderChanges(UUID customerId, WalkInCustomer customer, UUID deliveryAddressId,
                           AddressRequest deliveryAddress, List<LineRequest> lines, BigDecimal deliveryFee,
                           String notes, Long version) {
}
