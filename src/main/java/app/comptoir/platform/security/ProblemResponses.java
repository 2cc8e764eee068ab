package app.comptoir.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.Problems;

/**
 * Writes problem details from the security filters, before any controller runs: Spring MVC, which fills
 * in a problem's {@code instance} for controllers, never sees these requests, so it is set here.
 */
final class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        write(request, response, status, type, detail, Map.of());
    }

    /** A problem with extension members (such as {@code retryAfterSeconds}). */
    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail,
               Map<String, Object> properties) throws IOException {
        ProblemDetail problem = Problems.of(status, type, detail);
        properties.forEach(problem::setProperty);
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The path the client asked for, as it sent it (still percent-encoded, so always a valid URI). */
    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
