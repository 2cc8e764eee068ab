package app.comptoir.bookings.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * What every staff bookings page needs besides the shell: whether the reader may act on appointments and the set-up
 * ({@code canBook}) and take payments at the counter ({@code canCollect}), so pages show those buttons only to them
 * (the handlers check again). The public booking pages do not use them.
 */
@ControllerAdvice(assignableTypes = {BookingPages.class, BookingSetupPages.class})
class BookingPageModel {

    private final Permissions permissions;

    BookingPageModel(Permissions permissions) {
        this.permissions = permissions;
    }

    @ModelAttribute
    void bookings(Model model) {
        model.addAttribute("canBook", permissions.has(Permission.BOOKINGS_WRITE));
        model.addAttribute("canCollect", permissions.has(Permission.PAYMENTS_RECORD));
    }
}
