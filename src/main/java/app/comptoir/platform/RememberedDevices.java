package app.comptoir.platform;

import java.util.Optional;

/**
 * "Remember me" on a device (a port: identity keeps the devices). The web sign-in asks it to remember
 * the browser when the user ticks the box, and signs a browser without a session back in from the value
 * of its cookie.
 */
public interface RememberedDevices {

    /** The name of the cookie that holds a remembered device. */
    String COOKIE = "comptoir-device";

    /** Remembers this device for the signed-in user; returns the value the browser keeps in its cookie. */
    String remember(ComptoirPrincipal principal, String deviceLabel);

    /**
     * Who the cookie value stands for, now: empty when it names no device, a revoked or expired one, or an
     * account that is disabled or whose sessions were ended since (password changed, signed out everywhere).
     */
    Optional<ComptoirPrincipal> recall(String cookieValue);

    /** Forgets the device the cookie value names (signing out on it); does nothing for an unknown value. */
    void forget(String cookieValue);
}
