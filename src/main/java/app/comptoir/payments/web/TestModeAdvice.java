package app.comptoir.payments.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.payments.application.ProviderAccounts;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TenantContext;

/**
 * Tells every back-office page whether the business's online payments run with test keys, so the shell shows the
 * test-mode banner ({@code payments/fragments :: test-mode-banner}, placed by the layout's alerts).
 */
@ControllerAdvice(annotations = PageController.class)
class TestModeAdvice {

    private final ProviderAccounts accounts;
    private final TenantContext tenantContext;

    TestModeAdvice(ProviderAccounts accounts, TenantContext tenantContext) {
        this.accounts = accounts;
        this.tenantContext = tenantContext;
    }

    @ModelAttribute
    void testMode(Model model) {
        if (tenantContext.principal().isPresent()) {
            model.addAttribute("paymentsTestMode", accounts.testMode());
        }
    }
}
