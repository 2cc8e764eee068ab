package app.comptoir.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.Problems;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Turns every error of the JSON API into RFC 9457 problem details with a stable {@code type}, field
 * errors under {@code errors}, and never a stack trace. Anything unexpected is a 500 that is logged
 * with the request id, and whose detail names that id.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(Problems.validation(e.getMessage(), e.errors()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ComptoirException.class)
    ResponseEntity<ProblemDetail> business(ComptoirException e) {
        ProblemDetail problem = Problems.of(e.status(), e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> notValid(BindException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return respond(Problems.validation(detail, errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> notValid(HandlerMethodValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return respond(Problems.validation("Some parameters are invalid", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "unknown-field",
                    "Unknown field '" + field + "'");
            p.setTitle("Unknown field");
            p.setProperty("errors", List.of(new FieldError(field, "is not a known field")));
            return respond(p);
        }
        if (cause instanceof JsonInput.ControlCharacterException c) {
            String field = path(c);
            return respond(Problems.validation("Field '" + field + "' contains a control character",
                    List.of(new FieldError(field, "must not contain control characters"))));
        }
        if (cause instanceof InvalidNullException n) {
            String field = path(n);
            return respond(Problems.validation("Field '" + field + "' must not be null",
                    List.of(new FieldError(field, "must not be null"))));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            DatabindException d = (DatabindException) cause;
            String field = path(d);
            String expected = cause instanceof MismatchedInputException m && m.getTargetType() != null
                    ? m.getTargetType().getSimpleName() : "another type";
            ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "wrong-type",
                    "Field '" + field + "' has the wrong type (expected " + expected + ")");
            p.setTitle("Wrong type");
            p.setProperty("errors", List.of(new FieldError(field, "must be of type " + expected)));
            return respond(p);
        }
        if (cause instanceof JacksonException j) {
            ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json",
                    "The request body is not valid JSON: " + j.getOriginalMessage());
            p.setTitle("Malformed JSON");
            return respond(p);
        }
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is missing or unreadable");
        p.setTitle("Malformed JSON");
        return respond(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return respond(Problems.validation("Parameter '" + e.getName() + "' must be of type " + expected,
                List.of(new FieldError(e.getName(), "must be of type " + expected))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(Problems.validation("Parameter '" + e.getParameterName() + "' is required",
                List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.validation("Header '" + e.getHeaderName() + "' is required",
                List.of(new FieldError(e.getHeaderName(), "is required"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this action"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this record at the same time; reload it and try again"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict",
                "This change conflicts with existing data (a duplicate or a record still in use)"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        ProblemDetail p = Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "This operation answers application/json (errors application/problem+json); the Accept header admits neither");
        p.setTitle("Not acceptable");
        return respond(p);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The upload is too large"));
    }

    @ExceptionHandler(MultipartException.class)
    static ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
        log.info("Unreadable upload: {}", e.getMostSpecificCause().getMessage());
        return respond(Problems.validation("The upload cannot be read: it must be a multipart body whose part 'file' "
                + "has a file name without control characters", List.of(new FieldError("file", "cannot be read"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String requestId = org.slf4j.MDC.get("requestId");
        log.error("Unexpected error (request {})", requestId, e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "An unexpected error occurred; quote request id " + requestId + " to your administrator"));
    }

    private static String path(DatabindException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
