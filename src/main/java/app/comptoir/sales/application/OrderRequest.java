package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * A new order: a known customer ({@code customerId}) or a walk-in ({@code customer: {name, phone}}); the
 * delivery address is one of the customer's ({@code deliveryAddressId}, default: their default delivery
 * address) or given in full ({@code deliveryAddress}); lines may be empty in a draft; {@code deliveryFee}
 * excludes VAT.
 */
public record OrderRequest(java.util.UUID customerId, WalkInCustomer customer, java.util.UUID deliveryAddressId,
                           AddressRequest deliveryAddress, List<LineRequest> lines, BigDecimal deliveryFee,
                           String notes) {

    public OrderRequest(java.util.UUID customerId, WalkInCustomer customer, java.util.UUID deliveryAddressId,
                        List<LineRequest> lines, BigDecimal deliveryFee, String notes) {
        this(customerId, customer, deliveryAddressId, null, lines, deliveryFee, notes);
    }
}
