package app.comptoir.notifications.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.notifications.application.InAppNotifications;
import app.comptoir.notifications.application.Notification;
import app.comptoir.notifications.application.Preferences;
import app.comptoir.platform.PageResponse;

/** The signed-in user's notification centre and notification preferences. */
@RestController
@Tag(name = "Notifications")
class NotificationController {

    private final InAppNotifications centre;
    private final Preferences preferences;

    NotificationController(InAppNotifications centre, Preferences preferences) {
        this.centre = centre;
        this.preferences = preferences;
    }

    record UnreadCount(long unread) {
    }

    record MarkedRead(int marked) {
    }

    @GetMapping("/api/v1/notifications")
    @Operation(summary = "The signed-in user's in-app notifications, unread first, then newest first",
            description = "Each has a link to the record's page in the back office (or null).")
    PageResponse<Notification> list(@RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        return centre.mine(page, size);
    }

    @GetMapping("/api/v1/notifications/unread-count")
    @Operation(summary = "How many of the signed-in user's notifications are unread (the bell's count)")
    UnreadCount unreadCount() {
        return new UnreadCount(centre.unread());
    }

    @PostMapping("/api/v1/notifications/{id}/read")
    @Operation(summary = "Mark one of the signed-in user's notifications read (404 for anyone else's)")
    Notification markRead(@PathVariable UUID id) {
        return centre.markRead(id);
    }

    @PostMapping("/api/v1/notifications/read-all")
    @Operation(summary = "Mark every unread notification of the signed-in user read")
    MarkedRead markAllRead() {
        return new MarkedRead(centre.markAllRead());
    }

    @GetMapping("/api/v1/notifications/preferences")
    @Operation(summary = "The signed-in user's notification preferences: per event type offered to their roles, "
            + "whether each channel (IN_APP, EMAIL, PUSH) tells them",
            description = "Until the user changes them, the defaults of their roles apply: a driver hears of the "
                    + "orders given to them and their failed deliveries; a manager or administrator of new orders, "
                    + "stock-outs and failed deliveries; a viewer of stock-outs, in the app.")
    List<Preferences.Preference> preferences() {
        return preferences.mine();
    }

    @PutMapping("/api/v1/notifications/preferences")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Change the signed-in user's notification preferences",
            description = "Each listed type takes exactly the channels set to true; a type not listed keeps its "
                    + "choice. A type unknown or not offered to the user's roles is refused (400).")
    List<Preferences.Preference> changePreferences(@RequestBody List<Preferences.Preference> wanted) {
        return preferences.change(wanted);
    }
}
