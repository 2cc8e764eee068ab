package app.comptoir.sales;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;
import app.comptoir.sales.application.AddressRequest;
import app.comptoir.sales.application.CustomerRequest;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.CustomerKind;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;
import app.comptoir.sales.persistence.OrderFilter;

/**
 * The sales side of a shop's online customers (module storefront): the customer of a new shopper, their name,
 * e-mail, phone and addresses, their orders with each one's timeline, and their erasure. It runs for a shopper,
 * not a member of staff: the caller passes the signed-in shopper's own customer id (never one from a request), the
 * writes are the system actor's (no principal: the database names {@code platform.SystemActor}), and the audit log
 * records them as for the office's changes. Everything goes through the sales services the office uses.
 *
 * <p>Draft orders are the shop's work in progress, not the customer's: they are not in the history, and opening
 * one, or another customer's order, is a 404 as for an order that does not exist.
 */
@Service
@Transactional
public class OnlineCustomers {

    /** The name an erased customer keeps on their orders' customer record. */
    public static final String ERASED_NAME = "Client supprimé";
    /** How many addresses an online customer may keep. */
    public static final int MAX_ADDRESSES = 20;

    private static final List<OrderStatus> VISIBLE = List.copyOf(EnumSet.complementOf(EnumSet.of(OrderStatus.DRAFT)));

    private final Customers customers;
    private final Orders orders;

    OnlineCustomers(Customers customers, Orders orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** Creates the customer of a new shopper (a person) and returns its id (field errors: name, email, phone). */
    public UUID create(String name, String email, String phone) {
        return customers.create(new CustomerRequest(CustomerKind.PERSON, name, email, phone, null, null)).id();
    }

    /**
     * The live customer the office recorded with this e-mail, if any (the oldest): to link an account to a known
     * customer where the business vouches for it (demo data). Never from what a visitor typed: an e-mail proves
     * nothing until it is verified.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> customerWithEmail(String email) {
        if (email == null || email.isBlank()) {
            return java.util.Optional.empty();
        }
        return customers.list(email.strip(), 0, 5).items().stream()
                .filter(c -> email.strip().equalsIgnoreCase(c.email())).map(CustomerView::id).findFirst();
    }

    /** The customer with their addresses (404 when erased or unknown). */
    @Transactional(readOnly = true)
    public OnlineCustomer get(UUID customerId) {
        CustomerView c = customers.get(customerId);
        return new OnlineCustomer(c.id(), c.name(), c.email(), c.phone(), c.addresses().stream()
                .map(OnlineCustomers::address).toList());
    }

    /** Changes the customer's name, e-mail and phone (their kind and the office's notes stay). */
    public OnlineCustomer update(UUID customerId, String name, String email, String phone) {
        CustomerView c = customers.get(customerId);
        customers.update(customerId, new CustomerRequest(c.kind(), name, email, phone, c.notes(), null));
        return get(customerId);
    }

    /** Adds an address (field errors: line1, city, country, postalCode, phone…); 409 past {@link #MAX_ADDRESSES}. */
    public OnlineAddress addAddress(UUID customerId, OnlineAddressInput input) {
        if (customers.get(customerId).addresses().size() >= MAX_ADDRESSES) {
            throw new ConflictException("too-many-addresses", "At most " + MAX_ADDRESSES + " addresses; delete one first");
        }
        return address(customers.addAddress(customerId, request(input)));
    }

    /** Changes an address of the customer's, and makes it a default when asked (404 for anyone else's). */
    public OnlineAddress updateAddress(UUID customerId, UUID addressId, OnlineAddressInput input) {
        customers.updateAddress(customerId, addressId, request(input));
        boolean delivery = input != null && Boolean.TRUE.equals(input.defaultDelivery());
        boolean billing = input != null && Boolean.TRUE.equals(input.defaultBilling());
        if (delivery || billing) {
            customers.makeDefault(customerId, addressId, delivery && billing ? "BOTH" : delivery ? "DELIVERY" : "BILLING");
        }
        return customers.address(customerId, addressId).map(OnlineCustomers::address)
                .orElseThrow(() -> new NotFoundException("Address", addressId));
    }

    /** Deletes an address of the customer's; a default it was passes to the oldest remaining one. */
    public void deleteAddress(UUID customerId, UUID addressId) {
        customers.deleteAddress(customerId, addressId);
    }

    /** The customer's orders, newest first, drafts left out. */
    @Transactional(readOnly = true)
    public PageResponse<CustomerOrderSummary> orders(UUID customerId, int page, int size) {
        var found = orders.list(new OrderFilter(VISIBLE, customerId, null, null, null, null), page, size);
        return new PageResponse<>(found.items().stream().map(o -> new CustomerOrderSummary(o.id(), o.number(),
                o.status(), o.createdAt(), o.lineCount(), o.gross(), o.currency())).toList(),
                found.total(), found.page(), found.size());
    }

    /** One of the customer's orders with its timeline; 404 for a draft or another customer's order. */
    @Transactional(readOnly = true)
    public CustomerOrder order(UUID customerId, UUID orderId) {
        OrderView o = orders.find(orderId)
                .filter(v -> v.status() != OrderStatus.DRAFT && v.customer() != null
                        && customerId.equals(v.customer().id()))
                .orElseThrow(() -> new NotFoundException("Order", orderId));
        var a = o.deliveryAddress();
        return new CustomerOrder(o.id(), o.number(), o.status(), o.createdAt(),
                o.lines().stream().map(l -> new CustomerOrder.Line(l.variantId(), l.sku(), l.label(), l.quantity(),
                        l.unitPrice(), l.amount(o.pricesIncludeVat(), o.currency()))).toList(),
                a == null ? null : new CustomerOrder.Address(a.line1(), a.line2(), a.postalCode(), a.city(), a.country()),
                o.deliveryFee(), o.totals().net(), o.totals().vat(), o.totals().gross(), o.currency(),
                o.pricesIncludeVat(),
                o.history().stream().filter(h -> h.status() != OrderStatus.DRAFT || h.step() != null)
                        .map(h -> new CustomerOrder.Step(h.status(), h.at(), h.step())).toList());
    }

    /** Erases the customer's personal data (named {@link #ERASED_NAME}, no e-mail, phone or address); orders stay. */
    public void anonymise(UUID customerId) {
        customers.anonymise(customerId, ERASED_NAME);
    }

    private static AddressRequest request(OnlineAddressInput a) {
        if (a == null) {
            throw InvalidInputException.field("line1", "is required");
        }
        return new AddressRequest(a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(), a.phone(),
                a.instructions(), a.defaultDelivery(), a.defaultBilling());
    }

    private static OnlineAddress address(AddressView a) {
        return new OnlineAddress(a.id(), a.label(), a.line1(), a.line2(), a.postalCode(), a.city(), a.country(),
                a.phone(), a.instructions(), a.defaultDelivery(), a.defaultBilling());
    }
}
