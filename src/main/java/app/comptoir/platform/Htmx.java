package app.comptoir.platform;

import jakarta.servlet.http.HttpServletRequest;

/** What htmx tells the server about a request, for pages that answer with a fragment or a whole page. */
public final class Htmx {

    /** The header htmx sets on every request it makes; name it in {@code Vary} when the answer depends on it. */
    public static final String REQUEST = "HX-Request";

    private Htmx() {
    }

    /**
     * Whether the request wants a fragment: htmx asked for it, and it is not htmx restoring a page from
     * history after a cache miss (that needs the whole page).
     */
    public static boolean isPartial(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
