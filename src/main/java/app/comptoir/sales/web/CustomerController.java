package app.comptoir.sales.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.PageResponse;
import app.comptoir.sales.application.AddressRequest;
import app.comptoir.sales.application.CustomerRequest;
import app.comptoir.sales.application.CustomerTotals;
import app.comptoir.sales.application.Customers;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.persistence.AddressView;
import app.comptoir.sales.persistence.CustomerView;

/** Customers and their addresses (drivers have no access: their orders carry what they need). */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Sales: customers")
@PreAuthorize("@rolePermissions.has('READ')")
class CustomerController {

    private final Customers customers;
    private final Orders orders;

    CustomerController(Customers customers, Orders orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** Which default an address becomes: DELIVERY (default), BILLING or BOTH. */
    record DefaultBody(String type) {
    }

    @GetMapping
    @Operation(summary = "Customers by name, with their addresses; q matches name, e-mail or phone")
    PageResponse<CustomerView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        return customers.list(q, page, size);
    }

    @PostMapping
    @Operation(summary = "Create a customer (person or company): name required; kind, email, phone, notes optional")
    ResponseEntity<CustomerView> create(@RequestBody CustomerRequest body) {
        CustomerView view = customers.create(body);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + view.id())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A customer with their addresses (their orders: GET /api/v1/orders?customerId=)")
    CustomerView get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @GetMapping("/{id}/totals")
    @Operation(summary = "A customer's totals: amount spent (orders sold, less refunds), orders not cancelled, "
            + "the last order's creation time")
    CustomerTotals totals(@PathVariable UUID id) {
        customers.get(id);
        return orders.customerTotals(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a customer's details (with version, a stale copy is refused: 409)")
    CustomerView update(@PathVariable UUID id, @RequestBody CustomerRequest body) {
        return customers.update(id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a customer from lists (their orders and quotes keep them)")
    void delete(@PathVariable UUID id) {
        customers.delete(id);
    }

    @GetMapping("/{id}/addresses")
    @Operation(summary = "A customer's addresses, default delivery address first")
    List<AddressView> addresses(@PathVariable UUID id) {
        return customers.addresses(id);
    }

    @PostMapping("/{id}/addresses")
    @Operation(summary = "Add an address (line1 and city required; the first one becomes both defaults)")
    ResponseEntity<AddressView> addAddress(@PathVariable UUID id, @RequestBody AddressRequest body) {
        AddressView view = customers.addAddress(id, body);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + id + "/addresses/" + view.id())).body(view);
    }

    @PutMapping("/{id}/addresses/{aid}")
    @Operation(summary = "Change an address (orders keep the copy they were given)")
    AddressView updateAddress(@PathVariable UUID id, @PathVariable UUID aid, @RequestBody AddressRequest body) {
        return customers.updateAddress(id, aid, body);
    }

    @DeleteMapping("/{id}/addresses/{aid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an address (a default passes to the oldest remaining address)")
    void deleteAddress(@PathVariable UUID id, @PathVariable UUID aid) {
        customers.deleteAddress(id, aid);
    }

    @PostMapping("/{id}/addresses/{aid}/default")
    @Operation(summary = "Make the address the default for delivery (default), billing or both: {\"type\":\"BOTH\"}")
    CustomerView makeDefault(@PathVariable UUID id, @PathVariable UUID aid,
                             @RequestBody(required = false) DefaultBody body) {
        return customers.makeDefault(id, aid, body == null ? null : body.type());
    }
}
