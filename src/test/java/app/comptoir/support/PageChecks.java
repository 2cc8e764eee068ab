package app.comptoir.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;

/**
 * What the browser tests check on every page of the back office: that it fits the window (the page
 * itself never scrolls sideways: {@code document.documentElement.scrollWidth <= innerWidth}), that axe-core
 * finds no serious or critical accessibility problem, and which pages there are (read from the
 * application's own navigation, so that a new page is covered without editing a list).
 *
 * <p>axe-core is the {@code axe.min.js} that Deque's Java binding ships on the test classpath; it is
 * evaluated through the DevTools protocol, which the pages' Content-Security-Policy does not restrict.
 */
public final class PageChecks {

    /** A detail or form page opened from a list: one of each is visited (a product, an order, a new quote...). */
    private static final Pattern DETAIL = Pattern.compile(
            "^/app/.+/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|new)$");

    /** Files and print views, not pages of the shell. */
    private static final Pattern NOT_A_PAGE = Pattern.compile("\\.(csv|xlsx|pdf|png|jpg|json)$|/print$|/images/");

    private static final String AXE = readAxe();

    private PageChecks() {
    }

    /** A problem found on a page: where, at which width, and what. */
    public record Finding(String path, int width, String problem) {
        @Override
        public String toString() {
            return path + " @" + width + "px: " + problem;
        }
    }

    /** The back-office pages reachable from the navigation of the signed-in user, without query strings. */
    public static List<String> navigationPaths(Page page) {
        return paths(page, "[data-navigation] a[href]");
    }

    /**
     * The pages a page leads to that count as main pages too: its sub-tabs (the {@code nav-underline}
     * tabs of catalog, stock, sales, statistics) and the first detail or "new" page of each kind it links to.
     */
    public static List<String> subPages(Page page) {
        List<String> found = new ArrayList<>(paths(page, "main .nav-underline a[href]"));
        Set<String> parents = new LinkedHashSet<>();
        for (String path : paths(page, "main a[href]")) {
            if (DETAIL.matcher(path).matches() && parents.add(path.substring(0, path.lastIndexOf('/')) + "|"
                    + (path.endsWith("/new") ? "new" : "id"))) {
                found.add(path);
            }
        }
        return found;
    }

    private static List<String> paths(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) page.evaluate("s => Array.from(document.querySelectorAll(s))"
                + ".filter(a => a.origin === location.origin).map(a => a.pathname)", selector);
        Set<String> paths = new LinkedHashSet<>();
        for (String path : hrefs) {
            if (path.startsWith("/app") && !NOT_A_PAGE.matcher(path).find()) {
                paths.add(path);
            }
        }
        return List.copyOf(paths);
    }

    /** Whether the page scrolls sideways; if it does, the widest elements sticking out, to find the culprit. */
    public static List<Finding> fit(Page page, String path) {
        int width = page.viewportSize().width;
        @SuppressWarnings("unchecked")
        Map<String, Object> measure = (Map<String, Object>) page.evaluate("""
                () => {
                  const limit = window.innerWidth;
                  const scroll = document.documentElement.scrollWidth;
                  const culprits = [];
                  if (scroll > limit) {
                    // The outermost elements sticking out of the window that no scroll box of their own contains.
                    const clipped = e => {
                      // An absolutely placed box escapes the scroll boxes between it and its containing block.
                      if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
                      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        const o = getComputedStyle(a).overflowX;
                        if (o !== 'visible' && a.getBoundingClientRect().right <= limit + 1) return true;
                      }
                      return false;
                    };
                    const out = e => e.getBoundingClientRect().right > limit + 1;
                    for (const e of document.querySelectorAll('body *')) {
                      if (out(e) && !(e.parentElement && out(e.parentElement) && e.parentElement !== document.body)
                          && !clipped(e)) {
                        culprits.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                            + ' right=' + Math.round(e.getBoundingClientRect().right)
                            + ' w=' + Math.round(e.getBoundingClientRect().width));
                        if (culprits.length >= 6) break;
                      }
                    }
                  }
                  return {scroll: scroll, limit: limit, culprits: culprits.join(' | ')};
                }
                """);
        int scroll = ((Number) measure.get("scroll")).intValue();
        int limit = ((Number) measure.get("limit")).intValue();
        if (scroll <= limit) {
            return List.of();
        }
        return List.of(new Finding(path, width, "scrollWidth " + scroll + " > " + limit + " (" + measure.get("culprits") + ")"));
    }

    /** axe-core's serious and critical violations on the page as it is now. */
    public static List<Finding> accessibility(Page page, String path) {
        int width = page.viewportSize().width;
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(AXE);
        }
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {resultTypes: ['violations']});
                  return result.violations
                      .filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.impact + ' ' + v.id + ' (' + v.help + '): '
                          + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' [' + (n.any[0] ? n.any[0].message : '') + ']').join('; ')
                          + (v.nodes.length > 4 ? ' … ' + v.nodes.length + ' nodes' : ''));
                }
                """);
        return violations.stream().map(v -> new Finding(path, width, v)).toList();
    }

    private static String readAxe() {
        try (InputStream in = PageChecks.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
