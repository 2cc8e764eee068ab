package app.comptoir.notifications.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.notifications.application.Channel;
import app.comptoir.notifications.application.InAppNotifications;
import app.comptoir.notifications.application.Notification;
import app.comptoir.notifications.application.Preferences;
import app.comptoir.platform.PageController;

/**
 * The notification centre's pages: the list behind the bell, the bell's count (polled by
 * {@code static/js/notifications.js}, the session's way to the count the API gives a token) and "Mes
 * notifications", the preferences, in the account area.
 */
@PageController
class NotificationPages {

    private static final int PAGE_SIZE = 20;

    private final InAppNotifications centre;
    private final Preferences preferences;

    NotificationPages(InAppNotifications centre, Preferences preferences) {
        this.centre = centre;
        this.preferences = preferences;
    }

    record UnreadCount(long unread) {
    }

    @GetMapping("/app/notifications")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("notices", centre.mine(Math.max(0, page), PAGE_SIZE));
        return "notifications/list";
    }

    @GetMapping("/app/notifications/unread-count")
    @ResponseBody
    UnreadCount unreadCount() {
        return new UnreadCount(centre.unread());
    }

    /** Opening a notice marks it read and goes to its record (the list when it has none). */
    @GetMapping("/app/notifications/{id}")
    String open(@PathVariable UUID id) {
        Notification row = centre.markRead(id);
        String link = row.link();
        // only a path of this application, never another site
        return "redirect:" + (link != null && link.startsWith("/app/") ? link : "/app/notifications");
    }

    @PostMapping("/app/notifications/read-all")
    String markAllRead(RedirectAttributes redirect) {
        centre.markAllRead();
        redirect.addFlashAttribute("flash", "notifications.allRead");
        return "redirect:/app/notifications";
    }

    @GetMapping("/app/account/notifications")
    String preferences(Model model) {
        model.addAttribute("preferences", preferences.mine());
        model.addAttribute("channels", List.of(Channel.values()));
        return "notifications/preferences";
    }

    /** The form sends one checkbox per type and channel that is on, named {@code type|CHANNEL}. */
    @PostMapping("/app/account/notifications")
    String savePreferences(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Set<String> on = new HashSet<>(form.getOrDefault("on", List.of()));
        List<Preferences.Preference> wanted = preferences.mine().stream().map(p -> {
            Map<Channel, Boolean> channels = new java.util.EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                channels.put(channel, on.contains(p.type() + "|" + channel.name()));
            }
            return new Preferences.Preference(p.type(), channels);
        }).toList();
        preferences.change(wanted);
        redirect.addFlashAttribute("flash", "preferences.saved");
        return "redirect:/app/account/notifications";
    }
}
