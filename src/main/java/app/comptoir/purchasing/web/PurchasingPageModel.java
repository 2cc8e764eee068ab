package app.comptoir.purchasing.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * What every purchasing page needs besides the shell: whether the reader may buy ({@code canEdit}) and change the
 * settings ({@code canManage}), so pages show write buttons only to them (the handlers check it again).
 */
@ControllerAdvice(basePackageClasses = PurchasingPageModel.class)
class PurchasingPageModel {

    private final Permissions permissions;

    PurchasingPageModel(Permissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void purchasing(Model model) {
        model.addAttribute("canEdit", permissions.has(Permission.PURCHASES_WRITE));
        model.addAttribute("canManage", permissions.has(Permission.SETTINGS_MANAGE));
    }
}
