package app.comptoir.reporting.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;
import app.comptoir.reporting.application.HomeFigures;
import app.comptoir.reporting.application.SetupSteps;

/**
 * The back office's home ({@code /app}): today's work, each figure linking to its filtered list, and the
 * first-run guide of a new business. It lives in reporting because it reads sales, inventory, catalog and
 * identity figures, which only reporting may depend on (identity, where the welcome page was, may not).
 * A driver lands on their deliveries instead, and a business that takes appointments without selling goods (no
 * SALES module, BOOKINGS on) on the day's calendar; the Statistiques dashboard stays at {@code /app/reporting}.
 */
@PageController
class HomePage {

    private final HomeFigures figures;
    private final SetupSteps guide;
    private final Tenants tenants;
    private final TenantContext tenantContext;

    HomePage(HomeFigures figures, SetupSteps guide, Tenants tenants, TenantContext tenantContext) {
        this.figures = figures;
        this.guide = guide;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
    }

    @GetMapping("/app")
    String home(Model model) {
        ComptoirPrincipal me = tenantContext.principal().orElseThrow();
        if (tenants.current().supplier()) {
            // A registered supplier's business has no shop figures: its home is the supplier space.
            return "redirect:/app/supplier";
        }
        if (!me.has(Role.ADMIN) && !me.has(Role.MANAGER) && !me.has(Role.VIEWER)) {
            // A driver's day is their round: the home page's figures are not theirs to read.
            return "redirect:/app/sales/deliveries";
        }
        TenantProfile tenant = tenants.current();
        if (!tenant.enabledModules().contains(BusinessModule.SALES)
                && tenant.enabledModules().contains(BusinessModule.BOOKINGS)) {
            // A business that takes appointments and sells no goods (an inspection centre): its day is its calendar.
            return "redirect:/app/bookings";
        }
        model.addAttribute("today", figures.today());
        model.addAttribute("guide", guide.current());
        model.addAttribute("showSales", tenant.enabledModules().contains(BusinessModule.SALES));
        model.addAttribute("showStock", tenant.enabledModules().contains(BusinessModule.INVENTORY));
        model.addAttribute("showStatistics", tenant.enabledModules().contains(BusinessModule.REPORTING));
        return "app/dashboard";
    }

    @PostMapping("/app/guide/dismiss")
    String dismissGuide(RedirectAttributes redirect) {
        guide.dismiss();
        redirect.addFlashAttribute("flash", "home.guide.dismissed");
        return "redirect:/app";
    }
}
