package app.comptoir.catalog.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * What every catalog page needs besides the shell: whether the reader may change the catalog, delete products
 * and change categories (the role matrix decides), so that pages show write buttons only to those allowed (the
 * services check it again).
 */
@ControllerAdvice(assignableTypes = {ProductPages.class, CategoryPages.class, ImportPage.class})
class CatalogPageModel {

    private final Permissions permissions;

    CatalogPageModel(Permissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void catalog(Model model) {
        model.addAttribute("canEdit", permissions.has(Permission.CATALOG_WRITE));
        model.addAttribute("canDeleteProducts", permissions.has(Permission.PRODUCT_DELETE));
        model.addAttribute("canEditCategories", permissions.has(Permission.CATEGORY_WRITE));
    }
}
