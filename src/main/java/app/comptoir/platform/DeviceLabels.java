package app.comptoir.platform;

/**
 * A short name for the device a browser runs on, from its User-Agent ("Chrome · Android"), so a user
 * recognises their phone and their laptop in the lists of remembered devices and of web push subscriptions.
 */
public final class DeviceLabels {

    private DeviceLabels() {
    }

    /** The label of a User-Agent header ("?" when there is none). */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "?";
        }
        String ua = userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("OPR/") ? "Opera" : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") ? "Chrome"
                : ua.contains("Safari/") ? "Safari" : null;
        String system = ua.contains("Android") ? "Android" : ua.contains("iPhone") ? "iPhone" : ua.contains("iPad") ? "iPad"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS X") || ua.contains("Macintosh") ? "macOS"
                : ua.contains("CrOS") ? "ChromeOS" : ua.contains("Linux") ? "Linux" : null;
        if (browser == null && system == null) {
            String plain = ua.replaceAll("\\p{Cntrl}", "").strip();
            return plain.length() > 60 ? plain.substring(0, 60) : plain;
        }
        return browser == null ? system : system == null ? browser : browser + " · " + system;
    }
}
