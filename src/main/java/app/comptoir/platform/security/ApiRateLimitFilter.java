package app.comptoir.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.comptoir.platform.ComptoirPrincipal;

/**
 * The staff API's rate limits, so that one business (or one runaway script of one user) cannot starve the others:
 * a fixed window per business and a tighter one per user (every access token of that user together, so signing in
 * again does not start afresh), counted in this node's memory. Every authenticated answer carries the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers); a request over a
 * limit is answered 429, a {@code too-many-requests} problem with {@code Retry-After}, before any controller runs.
 * Requests without a staff principal (sign-in, the public booking API, webhooks) are not counted here: they have
 * their own throttles.
 *
 * <p>Per node, on purpose: one hash lookup and one short lock per limit, no database round trip on every API call.
 * With n nodes behind a balancer, a business may reach up to n times the limit (operator guide).
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    /** Keys remembered at most: beyond, the least recently used window is forgotten (it starts afresh). */
    private static final int MAX_KEYS = 200_000;

    private final ApiRateLimits limits;
    private final Clock clock;
    private final ProblemResponses problems;
    private final Cache<String, Window> windows;
    private final String policyHeader;

    ApiRateLimitFilter(ApiRateLimits limits, Clock clock, ProblemResponses problems) {
        this.limits = limits;
        this.clock = clock;
        this.problems = problems;
        this.windows = Caffeine.newBuilder().expireAfterAccess(limits.window()).maximumSize(MAX_KEYS).build();
        List<String> policies = new ArrayList<>(2);
        long seconds = Math.max(1, limits.window().toSeconds());
        if (limits.perBusiness() > 0) {
            policies.add("\"business\";q=" + limits.perBusiness() + ";w=" + seconds);
        }
        if (limits.perUser() > 0) {
            policies.add("\"user\";q=" + limits.perUser() + ";w=" + seconds);
        }
        this.policyHeader = String.join(", ", policies);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ComptoirPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        // The user's own limit first: a user over it does not spend the business's allowance as well.
        Taken user = limits.perUser() > 0 ? take("u:" + principal.userId(), limits.perUser(), now) : null;
        Taken business = user != null && !user.allowed() || limits.perBusiness() <= 0 ? null
                : take("b:" + principal.tenantId(), limits.perBusiness(), now);
        response.setHeader(POLICY_HEADER, policyHeader);
        response.setHeader(STATE_HEADER, state(business, user));
        Taken refused = user != null && !user.allowed() ? user : business != null && !business.allowed() ? business : null;
        if (refused == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean byBusiness = refused == business;
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.resetSeconds()));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                (byBusiness ? "This business has made more than " + limits.perBusiness()
                        : "This user has made more than " + limits.perUser())
                        + " API requests in " + Math.max(1, limits.window().toSeconds()) + " s; retry in "
                        + refused.resetSeconds() + " s",
                Map.of("retryAfterSeconds", refused.resetSeconds(), "limit", byBusiness ? "business" : "user"));
    }

    private Taken take(String key, int limit, long now) {
        return windows.get(key, k -> new Window()).take(now, limits.window().toMillis(), limit);
    }

    /** The {@code RateLimit} field: what is left of each policy counted for this request, and when it resets. */
    private static String state(Taken business, Taken user) {
        StringBuilder field = new StringBuilder(64);
        if (business != null) {
            field.append("\"business\";r=").append(business.remaining()).append(";t=").append(business.resetSeconds());
        }
        if (user != null) {
            if (!field.isEmpty()) {
                field.append(", ");
            }
            field.append("\"user\";r=").append(user.remaining()).append(";t=").append(user.resetSeconds());
        }
        return field.toString();
    }

    /** The outcome of counting one request: allowed or not, requests left, whole seconds until the window resets. */
    record Taken(boolean allowed, int remaining, long resetSeconds) {
    }

    /**
     * One key's current window, which starts at the key's first request after the previous one ended. Concurrency:
     * the check and the count are one step under the window's own lock, so two requests at once never both take
     * the last one.
     */
    static final class Window {
        private long start = Long.MIN_VALUE;
        private int used;

        synchronized Taken take(long now, long length, int limit) {
            if (start == Long.MIN_VALUE || now >= start + length) {
                start = now;
                used = 0;
            }
            long reset = Math.max(1, (start + length - now + 999) / 1000);
            if (used >= limit) {
                return new Taken(false, 0, reset);
            }
            used++;
            return new Taken(true, limit - used, reset);
        }
    }
}
