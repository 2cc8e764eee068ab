package app.comptoir.sales.web;

import java.util.UUID;

import app.comptoir.sales.application.WalkInCustomer;

/**
 * The new-order form: a known customer ({@code customerId}, with one of their addresses) or a walk-in
 * known by name and phone; the delivery fee as typed.
 */
record NewOrderForm(UUID customerId, String name, String phone, UUID deliveryAddressId, String deliveryFee,
                    String notes) {

    /** The walk-in typed, or null for a known customer. */
    WalkInCustomer walkIn() {
        return customerId == null ? new WalkInCustomer(name, phone) : null;
    }

    static NewOrderForm blank(UUID customerId) {
        return new NewOrderForm(customerId, "", "", null, "", "");
    }
}
