package app.comptoir.channels.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * What every channels page needs besides the shell: whether the reader may act (pair, publish, withdraw, change a
 * cap: {@code canEdit}), so pages show those buttons only to them (the services check it again).
 */
@ControllerAdvice(basePackageClasses = ChannelsPageModel.class)
class ChannelsPageModel {

    private final Permissions permissions;

    ChannelsPageModel(Permissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void channels(Model model) {
        model.addAttribute("canEdit", permissions.has(Permission.CATALOG_WRITE));
    }
}
