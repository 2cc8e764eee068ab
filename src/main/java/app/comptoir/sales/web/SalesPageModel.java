package app.comptoir.sales.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * What every sales page needs besides the shell: whether the reader may change customers, quotes and
 * orders, so that pages show write buttons only to those whose role allows them (the handlers check it
 * again).
 */
@ControllerAdvice(basePackageClasses = SalesPageModel.class)
class SalesPageModel {

    private final TenantContext tenantContext;

    SalesPageModel(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    @ModelAttribute
    void sales(Model model) {
        model.addAttribute("canEdit", tenantContext.principal().map(SalesPageModel::canEdit).orElse(false));
    }

    static boolean canEdit(ComptoirPrincipal principal) {
        return principal.has(Role.ADMIN) || principal.has(Role.MANAGER);
    }
}
