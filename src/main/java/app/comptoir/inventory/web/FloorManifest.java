package app.comptoir.inventory.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop floor's web app manifest, in the page's language ({@code lang}): public, because a browser fetches a
 * manifest without cookies. It names the app and its icons and nothing of a business.
 */
@Controller
class FloorManifest {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

    private final MessageSource messages;

    FloorManifest(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/floor.webmanifest")
    ResponseEntity<Map<String, Object>> manifest(@RequestParam(defaultValue = "fr") String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.FRENCH;
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(Map.of(
                        "name", messages.getMessage("floor.app.name", null, locale),
                        "short_name", messages.getMessage("floor.app.short", null, locale),
                        "description", messages.getMessage("floor.app.description", null, locale),
                        "lang", locale.getLanguage(),
                        "start_url", "/app/floor",
                        "scope", "/app/floor",
                        "display", "standalone",
                        "background_color", "#ffffff",
                        "theme_color", "#1f6f5c",
                        "icons", List.of(
                                Map.of("src", "/img/floor-192.png", "sizes", "192x192", "type", "image/png"),
                                Map.of("src", "/img/floor-512.png", "sizes", "512x512", "type", "image/png",
                                        "purpose", "any maskable"))));
    }
}
