package app.comptoir.notifications.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.notifications.application.PushSubscriptions;
import app.comptoir.notifications.application.VapidKeys;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PageController;

/**
 * The "notifications on this device" card of the account page: the account page includes a placeholder
 * ({@code notifications/push :: card}) that htmx fills from here, so identity needs nothing of this module.
 */
@PageController
@RequestMapping("/app/push/devices")
class PushPages {

    private final PushSubscriptions subscriptions;
    private final VapidKeys vapid;

    PushPages(PushSubscriptions subscriptions, VapidKeys vapid) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
    }

    /** The switch and the list of the user's devices (an htmx fragment). */
    @GetMapping
    String devices(@AuthenticationPrincipal ComptoirPrincipal me, Model model) {
        model.addAttribute("pushDevices", subscriptions.mine(me));
        model.addAttribute("vapidPublicKey", vapid.publicKey());
        return "notifications/push :: devices";
    }

    /** Removes a device from the list ("Retirer"): it receives nothing more, until it subscribes again. */
    @PostMapping("/{id}/delete")
    String remove(@AuthenticationPrincipal ComptoirPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        subscriptions.remove(me, id);
        redirect.addFlashAttribute("flash", "push.removed");
        return "redirect:/app/account/password#push";
    }
}
