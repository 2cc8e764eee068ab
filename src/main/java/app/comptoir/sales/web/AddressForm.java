package app.comptoir.sales.web;

import app.comptoir.sales.application.AddressRequest;
import app.comptoir.sales.persistence.AddressView;

/**
 * An address form of the customer page, as typed; {@code addressId} is null for a new address (not {@code id}:
 * the page's address binds its {@code {id}}, the customer's, into the form).
 */
record AddressForm(java.util.UUID addressId, String label, String line1, String line2, String postalCode, String city,
                   String country, String phone, String instructions, Boolean defaultDelivery,
                   Boolean defaultBilling) {

    static AddressForm blank() {
        return new AddressForm(null, "", "", "", "", "", "FR", "", "", false, false);
    }

    static AddressForm of(AddressView address) {
        return new AddressForm(address.id(), address.label(), address.line1(), address.line2(), address.postalCode(),
                address.city(), address.country(), address.phone(), address.instructions(), address.defaultDelivery(),
                address.defaultBilling());
    }

    AddressRequest toRequest() {
        return new AddressRequest(label, line1, line2, postalCode, city, country, phone, instructions, defaultDelivery,
                defaultBilling);
    }
}
