package app.comptoir.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses an API call whose {@code Accept} admits neither JSON nor problem+json with a 406 BEFORE the
 * handler runs: otherwise the handler commits its write and only the writing of the answer fails, so a
 * client that retries creates a duplicate. Handlers that declare what they produce (Spring already
 * negotiated) or that answer bytes (CSV exports, pictures) are left alone.
 */
final class AcceptGuard implements HandlerInterceptor {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(RestController.class)
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null
                || answersBytes(method)) {
            return true;
        }
        List<String> accept = java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (accept.isEmpty()) {
            return true;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotAcceptableException("The Accept header is not valid: " + e.getMessage());
        }
        for (MediaType a : accepted) {
            for (MediaType json : JSON) {
                if (a.isCompatibleWith(json) && a.getQualityValue() > 0) {
                    return true;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(JSON);
    }

    private static boolean answersBytes(HandlerMethod method) {
        Class<?> type = method.getReturnType().getParameterType();
        if (ResponseEntity.class.isAssignableFrom(type)) {
            type = method.getReturnType().nested().getNestedParameterType();
        }
        return type == byte[].class || Resource.class.isAssignableFrom(type);
    }
}
