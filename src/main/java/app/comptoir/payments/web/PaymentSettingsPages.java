package app.comptoir.payments.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.Tenants;
import app.comptoir.payments.application.ProviderAccounts;
import app.comptoir.payments.provider.stripe.StripeProvider;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/**
 * The online payment settings (admins): the Stripe account's status (configured, ending with …1234, test or live
 * mode), the form to enter or replace its keys (never shown again), the webhook address to give Stripe, and the
 * removal of the keys.
 */
@PageController
@RequestMapping("/app/settings/payments")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class PaymentSettingsPages {

    private final ProviderAccounts accounts;
    private final Tenants tenants;
    private final String publicUrl;

    PaymentSettingsPages(ProviderAccounts accounts, Tenants tenants,
                         @Value("${comptoir.public-url:http://localhost:8080}") String publicUrl) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @GetMapping
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/{provider}")
    String save(@PathVariable String provider, @RequestParam(required = false) String secretKey,
                @RequestParam(required = false) String webhookSecret, Model model, RedirectAttributes redirect) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put(StripeProvider.SECRET_KEY, secretKey);
        secrets.put(StripeProvider.WEBHOOK_SECRET, webhookSecret);
        try {
            accounts.configure(provider, secrets);
            redirect.addFlashAttribute("flash", "payments.settings.saved");
            return "redirect:/app/settings/payments";
        } catch (InvalidInputException e) {
            Map<String, Boolean> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.put(f.field(), true));
            model.addAttribute("keyErrors", errors);
            return page(model);
        }
    }

    @PostMapping("/{provider}/delete")
    String remove(@PathVariable String provider, RedirectAttributes redirect) {
        accounts.remove(provider);
        redirect.addFlashAttribute("flash", "payments.settings.removed");
        return "redirect:/app/settings/payments";
    }

    private String page(Model model) {
        model.addAttribute("stripe", accounts.status(StripeProvider.ID));
        model.addAttribute("webhookUrl", publicUrl + "/api/v1/payments/" + StripeProvider.ID + "/webhook/"
                + tenants.current().slug());
        return "payments/settings";
    }
}
