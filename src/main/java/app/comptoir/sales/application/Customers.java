package app.comptoir.sales.application;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.Checks;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerRepository;
import app.comptoir.sales.persistence.CustomerRepository.CustomerFields;
import app.comptoir.sales.persistence.CustomerView;

/**
 * The current tenant's customers (persons or companies) and their addresses. Plain records without a
 * workflow: the use cases check the input, write through {@link CustomerRepository} and keep the audit
 * trail, with no aggregate in between (the template's "plain where the domain is plain").
 */
@Service
@Transactional
public class Customers {

    private final CustomerRepository repository;
    private final SalesActor actor;
    private final Clock clock;
    private final AuditRecorder audit;

    Customers(CustomerRepository repository, SalesActor actor, Clock clock, AuditRecorder audit) {
        this.repository = repository;
        this.actor = actor;
        this.clock = clock;
        this.audit = audit;
    }

    /** Live customers by name, filtered by text (name, e-mail or phone), each with their addresses (3 statements). */
    @Transactional(readOnly = true)
    public PageResponse<CustomerView> list(String q, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        return repository.list(actor.tenant(), q, page, size);
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /** A live customer with their addresses (one statement: orders read their customer on every creation). */
    @Transactional(readOnly = true)
    public Optional<CustomerView> find(UUID id) {
        return repository.find(actor.tenant(), id);
    }

    public CustomerView create(CustomerRequest request) {
        actor.require(Permission.CUSTOMERS_WRITE);
        CustomerFields v = validate(request);
        UUID id = Ids.newId();
        repository.insert(actor.tenant(), id, v, clock.instant(), actor.userId());
        CustomerView created = get(id);
        audit.record(CUSTOMER, id, "CREATE", null, fields(created));
        return created;
    }

    public CustomerView update(UUID id, CustomerRequest request) {
        actor.require(Permission.CUSTOMERS_WRITE);
        CustomerFields v = validate(request);
        Optional<CustomerView> before = find(id);
        if (!repository.update(actor.tenant(), id, v, request.version(), clock.instant(), actor.userId())) {
            get(id);
            throw new ConflictException("concurrent-modification", "The customer was changed by someone else; reload it");
        }
        CustomerView after = get(id);
        before.ifPresent(b -> audit.recordChanges(CUSTOMER, id, fields(b), fields(after)));
        return after;
    }

    /** Removes the customer from lists; their orders and quotes keep them. */
    public void delete(UUID id) {
        actor.require(Permission.CUSTOMERS_WRITE);
        if (!repository.softDelete(actor.tenant(), id, clock.instant(), actor.userId())) {
            throw new NotFoundException("Customer", id);
        }
        audit.record(CUSTOMER, id, "DELETE", null, null);
    }

    /**
     * Erases the customer's personal data (the right to erasure): named {@code name}, without e-mail, phone, notes or
     * addresses, and removed from the lists. Their orders stay, as the accounts need them.
     */
    public void anonymise(UUID id, String name) {
        actor.require(Permission.CUSTOMERS_WRITE);
        CustomerView before = get(id);
        if (!repository.anonymise(actor.tenant(), id, name, clock.instant(), actor.userId())) {
            throw new NotFoundException("Customer", id);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("addresses", 0);
        audit.record(CUSTOMER, id, "ANONYMISE", Map.of("addresses", before.addresses().size()), after);
    }

    @Transactional(readOnly = true)
    public List<AddressView> addresses(UUID customerId) {
        return get(customerId).addresses();
    }

    /** One of the customer's addresses. */
    @Transactional(readOnly = true)
    public Optional<AddressView> address(UUID customerId, UUID addressId) {
        return repository.address(actor.tenant(), customerId, addressId);
    }

    /** Adds an address; the customer's first address becomes their default for delivery and billing. */
    public AddressView addAddress(UUID customerId, AddressRequest request) {
        actor.require(Permission.CUSTOMERS_WRITE);
        CustomerView customer = get(customerId);
        AddressRequest a = validate(request);
        boolean first = customer.addresses().isEmpty();
        boolean delivery = first || Boolean.TRUE.equals(request.defaultDelivery());
        boolean billing = first || Boolean.TRUE.equals(request.defaultBilling());
        UUID tenant = actor.tenant();
        if (delivery) {
            repository.clearDefault(tenant, customerId, true);
        }
        if (billing) {
            repository.clearDefault(tenant, customerId, false);
        }
        UUID id = Ids.newId();
        repository.insertAddress(tenant, customerId, id, fieldsOf(a), delivery, billing, clock.instant(), actor.userId());
        AddressView added = address(customerId, id).orElseThrow();
        audit.record(ADDRESS_ENTITY, id, "CREATE", null, fields(customerId, added));
        return added;
    }

    public AddressView updateAddress(UUID customerId, UUID addressId, AddressRequest request) {
        actor.require(Permission.CUSTOMERS_WRITE);
        get(customerId);
        AddressRequest a = validate(request);
        Optional<AddressView> before = address(customerId, addressId);
        if (!repository.updateAddress(actor.tenant(), customerId, addressId, fieldsOf(a), clock.instant(), actor.userId())) {
            throw new NotFoundException("Address", addressId);
        }
        AddressView after = address(customerId, addressId).orElseThrow();
        before.ifPresent(b -> audit.recordChanges(ADDRESS_ENTITY, addressId, fields(customerId, b), fields(customerId, after)));
        return after;
    }

    /** Deletes an address (orders keep their copy); a default it was passes to the oldest remaining address. */
    public void deleteAddress(UUID customerId, UUID addressId) {
        actor.require(Permission.CUSTOMERS_WRITE);
        get(customerId);
        AddressView removed = address(customerId, addressId).orElseThrow(() -> new NotFoundException("Address", addressId));
        repository.deleteAddress(actor.tenant(), customerId, removed);
        audit.record(ADDRESS_ENTITY, addressId, "DELETE", fields(customerId, removed), null);
    }

    /** Makes the address the default for delivery, billing or both ({@code type}: DELIVERY, BILLING, BOTH; default DELIVERY). */
    public CustomerView makeDefault(UUID customerId, UUID addressId, String type) {
        actor.require(Permission.CUSTOMERS_WRITE);
        get(customerId);
        address(customerId, addressId).orElseThrow(() -> new NotFoundException("Address", addressId));
        String t = type == null || type.isBlank() ? "DELIVERY" : type.strip().toUpperCase(Locale.ROOT);
        if (!List.of("DELIVERY", "BILLING", "BOTH").contains(t)) {
            throw InvalidInputException.field("type", "must be DELIVERY, BILLING or BOTH");
        }
        UUID tenant = actor.tenant();
        if (!t.equals("BILLING")) {
            repository.clearDefault(tenant, customerId, true);
            repository.setDefault(tenant, addressId, true);
        }
        if (!t.equals("DELIVERY")) {
            repository.clearDefault(tenant, customerId, false);
            repository.setDefault(tenant, addressId, false);
        }
        audit.record(ADDRESS_ENTITY, addressId, "UPDATE", null, Map.of("defaultFor", t));
        return get(customerId);
    }

    /**
     * The customer for a walk-in known by name and phone: the live customer with that phone if there is
     * one, else a new customer flagged {@code walkIn}.
     */
    public CustomerRef walkIn(WalkInCustomer walkIn) {
        String name = Checks.required("customer.name", walkIn.name(), 200);
        String phone = Checks.phone("customer.phone", walkIn.phone());
        UUID tenant = actor.tenant();
        if (phone != null) {
            Optional<CustomerRef> known = repository.byPhone(tenant, phone);
            if (known.isPresent()) {
                return known.get();
            }
        }
        UUID id = Ids.newId();
        repository.insertWalkIn(tenant, id, name, phone, clock.instant(), actor.userId());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("name", name);
        created.put("phone", phone);
        created.put("walkIn", true);
        audit.record(CUSTOMER, id, "CREATE", null, created);
        return new CustomerRef(id, name, phone);
    }

    private static AddressSnapshot fieldsOf(AddressRequest a) {
        return new AddressSnapshot(null, a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions());
    }

    private static CustomerFields validate(CustomerRequest r) {
        if (r == null) {
            throw InvalidInputException.field("name", "is required");
        }
        return new CustomerFields(r.kind() == null ? CustomerKind.PERSON : r.kind(), Checks.required("name", r.name(), 200),
                Checks.email("email", r.email()), Checks.phone("phone", r.phone()), Checks.text("notes", r.notes(), 5000));
    }

    /** The address with its texts checked and trimmed (line1 and city required). */
    static AddressRequest validate(AddressRequest r) {
        if (r == null) {
            throw InvalidInputException.field("line1", "is required");
        }
        String country = r.country() == null || r.country().isBlank() ? "FR" : r.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw InvalidInputException.field("country", "must be a two-letter country code (FR, SN...)");
        }
        return new AddressRequest(Checks.text("label", r.label(), 80), Checks.required("line1", r.line1(), 200),
                Checks.text("line2", r.line2(), 200), Checks.text("postalCode", r.postalCode(), 20),
                Checks.required("city", r.city(), 100), country, Checks.phone("phone", r.phone()),
                Checks.text("instructions", r.instructions(), 500), r.defaultDelivery(), r.defaultBilling());
    }

    private static final String CUSTOMER = "customer";
    private static final String ADDRESS_ENTITY = "customer-address";

    /** What the audit log keeps of a customer. */
    private static Map<String, Object> fields(CustomerView c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", c.kind().name());
        f.put("name", c.name());
        f.put("email", c.email());
        f.put("phone", c.phone());
        f.put("notes", c.notes());
        return f;
    }

    /** What the audit log keeps of an address. */
    private static Map<String, Object> fields(UUID customerId, AddressView a) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customerId", customerId.toString());
        f.put("label", a.label());
        f.put("line1", a.line1());
        f.put("line2", a.line2());
        f.put("postalCode", a.postalCode());
        f.put("city", a.city());
        f.put("country", a.country());
        f.put("phone", a.phone());
        f.put("instructions", a.instructions());
        return f;
    }
}
