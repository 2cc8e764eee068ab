package app.comptoir.sales.web;

import app.comptoir.sales.application.CustomerRequest;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.persistence.CustomerView;

/** The customer form of the pages, as typed. */
record CustomerForm(CustomerKind kind, String name, String email, String phone, String notes, Long version) {

    static CustomerForm blank() {
        return new CustomerForm(CustomerKind.PERSON, "", "", "", "", null);
    }

    static CustomerForm of(CustomerView customer) {
        return new CustomerForm(customer.kind(), customer.name(), customer.email(), customer.phone(), customer.notes(),
                customer.version());
    }

    CustomerRequest toRequest() {
        return new CustomerRequest(kind, name, email, phone, notes, version);
    }
}
