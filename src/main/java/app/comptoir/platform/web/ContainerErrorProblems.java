package app.comptoir.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.Problems;

/**
 * Problem details for the errors that the servlet container raises itself, outside any controller, on
 * the JSON API: a {@code TRACE} request (405), a URL that Spring Security's firewall refuses such as an
 * encoded slash in a path (400), an exception escaping a filter (500). The container forwards them to the
 * error page; on that error dispatch this filter answers for {@code /api/**} with an RFC 9457 problem,
 * whatever the client accepts, and leaves the pages to Spring Boot's HTML error pages.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorProblems {

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) in a path with its own HTML page, before the
     * application sees the request. Passed through still encoded, it reaches Spring Security's firewall,
     * which refuses it just as firmly (a 400), but through the error page that this class renders.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling("passthrough"));
    }

    @Bean
    FilterRegistrationBean<ApiErrorDispatch> apiErrorDispatch(JsonMapper json) {
        FilterRegistrationBean<ApiErrorDispatch> registration = new FilterRegistrationBean<>(new ApiErrorDispatch(json));
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.ERROR));
        // Before Spring Security, which would otherwise judge the forward to /error again.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The filter itself: only error dispatches of API requests, untouched if already committed. */
    static final class ApiErrorDispatch extends HttpFilter {

        private final JsonMapper json;

        ApiErrorDispatch(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (request.getDispatcherType() != DispatcherType.ERROR || response.isCommitted()
                    || !(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
                chain.doFilter(request, response);
                return;
            }
            HttpStatus status = statusOf(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
            ProblemDetail problem = Problems.of(status, MvcProblemHandler.typeOf(status),
                    detailOf(status, request.getAttribute(RequestIdFilter.REQUEST_ATTRIBUTE)));
            problem.setInstance(instance(path));
            response.resetBuffer();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
        }

        private static HttpStatus statusOf(Object code) {
            HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
            return status != null && status.isError() ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        }

        /** Fixed wording: the container's own messages may name its internals. */
        private static String detailOf(HttpStatus status, Object requestId) {
            return switch (status) {
                case BAD_REQUEST -> "The request is malformed: its path, parameters or headers cannot be accepted"
                        + " (an encoded slash or other encoded separator in a path is refused)";
                case NOT_FOUND -> "There is nothing at this address";
                case METHOD_NOT_ALLOWED -> "This method is not allowed on this address";
                case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; quote request id " + requestId
                        + " to your administrator";
                default -> status.getReasonPhrase();
            };
        }

        /** The path as the client sent it (percent-encoded, so a valid URI reference). */
        private static URI instance(String path) {
            try {
                return URI.create(path);
            } catch (IllegalArgumentException notAUri) {
                return null;
            }
        }
    }
}
