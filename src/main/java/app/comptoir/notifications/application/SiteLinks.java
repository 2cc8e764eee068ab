package app.comptoir.notifications.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The site's public address ({@code comptoir.public-url}, e.g. {@code https://comptoir.example.com}), which turns
 * the paths of the back office into the absolute links an e-mail needs: a mail has no page to be relative to.
 */
@Component
class SiteLinks {

    private final String base;

    SiteLinks(@Value("${comptoir.public-url:http://localhost:8080}") String base) {
        String trimmed = base.trim();
        this.base = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The absolute link of a path of the site ({@code /app/...}); an absolute link is kept as it is. */
    String absolute(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
