package app.comptoir.catalog.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * What every catalog page needs besides the shell: whether the reader may change the catalog, so
 * that pages show write buttons only to those whose role allows them (the handlers check it again).
 */
@ControllerAdvice(assignableTypes = {ProductPages.class, CategoryPages.class})
class CatalogPageModel {

    private final TenantContext tenantContext;

    CatalogPageModel(TenantContext tenantContext) {
        this.tenantContext = tenantContext;
    }

    @ModelAttribute
    void catalog(Model model) {
        model.addAttribute("canEdit", tenantContext.principal().map(CatalogPageModel::canEdit).orElse(false));
    }

    static boolean canEdit(ComptoirPrincipal principal) {
        return principal.has(Role.ADMIN) || principal.has(Role.MANAGER);
    }
}
