package app.comptoir.sales.web;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import app.comptoir.identity.Tenants;

/**
 * Where the payment provider sends a customer back after paying an order online: the business's public page of
 * the order ({@link PaymentReturnPages}), on the address the link was made from (so a link made on a test server
 * or behind a proxy comes back to it).
 */
@Component
class PaymentLinks {

    private final Tenants tenants;

    PaymentLinks(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The absolute address of the order's return page, for the current business. */
    String returnUrl(UUID orderId) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/pay/{slug}/orders/{id}").buildAndExpand(tenants.current().slug(), orderId).toUriString();
    }
}
