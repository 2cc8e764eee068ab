package app.comptoir.platform.security;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Refuses a cross-origin request the API does not allow (an unknown origin, method or header) with a 403
 * problem, like every other error of the API, instead of Spring's plain-text "Invalid CORS request".
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemResponses problems;

    ProblemCorsProcessor(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean handleInternal(ServerHttpRequest request, ServerHttpResponse response, CorsConfiguration config,
                                     boolean preFlightRequest) throws IOException {
        boolean allowed = super.handleInternal(request, response, config, preFlightRequest);
        // The default processor answers false only after refusing the request through rejectRequest.
        if (!allowed && request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            response.flush();
            problems.write(servletRequest.getServletRequest(), servletResponse.getServletResponse(), HttpStatus.FORBIDDEN,
                    "cors-refused", "Cross-origin requests from " + request.getHeaders().getOrigin()
                            + " are not allowed with this method and these headers");
        }
        return allowed;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        // The problem is written by handleInternal, which knows the request.
    }
}
