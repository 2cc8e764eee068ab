package app.comptoir.sales.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.application.OrderPayments;

/**
 * The public page a customer comes back to from the payment provider ({@code /pay/{business}/orders/{id}}): paid,
 * still being confirmed (it refreshes itself until the provider's webhook arrives), or given up. A signed-in member
 * of the business's staff goes on to the order's page instead. Shows the business, the order's number and its
 * payment state, nothing else: the order's id, unguessable, is the customer's link.
 */
@PageController
class PaymentReturnPages {

    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final OrderPayments payments;

    PaymentReturnPages(Tenants tenants, TenantContext tenantContext, OrderPayments payments) {
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.payments = payments;
    }

    @GetMapping("/pay/{slug}/orders/{id}")
    String show(@PathVariable String slug, @PathVariable UUID id, @RequestParam(required = false) String cancelled,
                HttpServletRequest request, Model model) {
        boolean partial = Htmx.isPartial(request);
        TenantProfile business = tenants.bySlug(slug).orElseThrow(() -> new NotFoundException("Business", slug));
        Optional<ComptoirPrincipal> me = tenantContext.principal();
        if (me.isPresent() && me.get().tenantId().equals(business.id()) && !partial) {
            return "redirect:/app/sales/orders/" + id + (cancelled == null ? "" : "?paymentCancelled");
        }
        OrderPayments.Receipt receipt = tenantContext.callAs(business.id(), () -> payments.receipt(id))
                .orElseThrow(() -> new NotFoundException("Order", id));
        model.addAttribute("receipt", receipt);
        model.addAttribute("cancelled", cancelled != null);
        model.addAttribute("path", "/pay/" + slug + "/orders/" + id);
        return partial ? "sales/payment-return :: state" : "sales/payment-return";
    }
}
