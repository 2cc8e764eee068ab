package app.comptoir.purchasing.web;

import app.comptoir.purchasing.application.SupplierRequest;
import app.comptoir.purchasing.persistence.SupplierView;

/** The supplier form of the pages, as typed. */
record SupplierForm(String name, String contactName, String phone, String email, String address, String city,
                    String notes, Boolean favourite, Long version) {

    static SupplierForm blank() {
        return new SupplierForm("", "", "", "", "", "", "", false, null);
    }

    static SupplierForm of(SupplierView s) {
        return new SupplierForm(s.name(), s.contactName(), s.phone(), s.email(), s.address(), s.city(), s.notes(),
                s.favourite(), s.version());
    }

    SupplierRequest toRequest() {
        return new SupplierRequest(name, contactName, phone, email, address, city, notes, favourite, version);
    }
}
