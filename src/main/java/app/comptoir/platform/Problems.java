package app.comptoir.platform;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Comptoir's stable type URIs. */
public final class Problems {

    /** Every problem type URI starts with this; the last segment names the problem. */
    public static final String TYPE_BASE = "https://comptoir.app/problems/";

    private Problems() {
    }

    /** A problem of the given type, status, title and detail. */
    public static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A 400 validation problem listing the fields in error. */
    public static ProblemDetail validation(String detail, List<InvalidInputException.FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation", detail);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }
}
