package app.comptoir.platform.web;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import app.comptoir.platform.Problems;

/**
 * Spring MVC's own errors, raised before any controller is chosen (an unknown path, an unsupported
 * method), carry Comptoir's problem types instead of {@code about:blank}. Errors inside API
 * controllers are answered first by {@link ApiProblemHandler}. Replaces Spring Boot's default
 * problem-details handler.
 */
@ControllerAdvice
class MvcProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(Problems.TYPE_BASE + typeOf(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /**
     * A multipart body Tomcat cannot parse (a NUL in a file name, a cut body) fails before any handler
     * is chosen; without this it was a 500 with Boot's default body.
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
        return ApiProblemHandler.unreadableUpload(e);
    }

    /** The same names as {@link ApiProblemHandler}'s: {@code not-found}, {@code method-not-allowed}... */
    static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null) {
            return "http-" + status.value();
        }
        return switch (known) {
            case CONTENT_TOO_LARGE -> "too-large";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        };
    }
}
