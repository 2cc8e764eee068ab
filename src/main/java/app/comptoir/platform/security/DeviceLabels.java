package app.comptoir.platform.security;

/**
 * A short name for the device a browser runs on, from its User-Agent ("Chrome · Android"), so a user
 * recognises their phone and their laptop in the list of remembered devices.
 */
final class DeviceLabels {

    private DeviceLabels() {
    }

    static String of(String userAgent) {
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
