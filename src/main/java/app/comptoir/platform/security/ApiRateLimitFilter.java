package app.comptoir.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.SharedCounters;

/**
 * The staff API's rate limits, so that one business (or one runaway script of one user) cannot starve the others:
 * a fixed window per business and a tighter one per user (every access token of that user together, so signing in
 * again does not start afresh), counted in {@link SharedCounters} (PostgreSQL, or Redis when configured), so every
 * node of a cluster enforces one total. Every authenticated answer carries the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} fields (draft-ietf-httpapi-ratelimit-headers); a request over a
 * limit is answered 429, a {@code too-many-requests} problem with {@code Retry-After}, before any controller runs.
 * Requests without a staff principal (sign-in, the public booking API, webhooks) are not counted here: they have
 * their own throttles.
 *
 * <p>Cost: one round trip per limit counted (one upsert, or one Redis script), two on most requests; a single node
 * may count in memory instead ({@code comptoir.limits.store=memory}, operator guide).
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";

    private final ApiRateLimits limits;
    private final SharedCounters counters;
    private final ProblemResponses problems;
    private final String policyHeader;

    ApiRateLimitFilter(ApiRateLimits limits, SharedCounters counters, ProblemResponses problems) {
        this.limits = limits;
        this.counters = counters;
        this.problems = problems;
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
        // The user's own limit first: a user over it does not spend the business's allowance as well.
        Taken user = limits.perUser() > 0 ? take("api:u:" + principal.userId(), limits.perUser()) : null;
        Taken business = user != null && !user.allowed() || limits.perBusiness() <= 0 ? null
                : take("api:b:" + principal.tenantId(), limits.perBusiness());
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

    private Taken take(String key, int limit) {
        SharedCounters.Count count = counters.hit(key, limits.window());
        return new Taken(!count.over(limit), (int) count.remaining(limit), count.resetSeconds());
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
}
