package app.comptoir.platform;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came from (behind a proxy, configure {@code server.forward-headers-strategy}). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
