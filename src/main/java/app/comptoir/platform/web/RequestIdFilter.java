package app.comptoir.platform.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import app.comptoir.platform.Ids;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one),
 * echoes it in the response and puts it in the logging context; the tenant and user are added to
 * that context once the request is authenticated.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String REQUEST_ATTRIBUTE = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : Ids.newId().toString();
        MDC.put("requestId", id);
        // The error page runs after this filter has cleared the MDC; a request attribute survives until then.
        request.setAttribute(REQUEST_ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("tenantId");
            MDC.remove("userId");
        }
    }
}
