package app.comptoir.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import app.comptoir.platform.PageController;

/**
 * Renders Spring MVC's own request errors (no such page, wrong method, a malformed parameter) as error
 * pages for the browser.
 *
 * <p>With {@code spring.mvc.problemdetails.enabled}, Spring Boot answers them with problem details, which
 * a browser asking for HTML receives as an empty page. This resolver runs first and handles them unless
 * the request is for the JSON API or reached a controller that is not a {@link PageController}; then it
 * steps aside so that API clients keep their problem details.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BrowserErrorPages implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        // Controllers that are not pages (the JSON API) keep their own error handling.
        if (isApi(request) || (handler instanceof HandlerMethod method && !isPage(method))) {
            return null;
        }
        HttpStatusCode status;
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            // A malformed id in a path (e.g. /app/users/nonsense) names nothing that exists.
            status = mismatch.getParameter().hasParameterAnnotation(PathVariable.class)
                    ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        } else if (exception instanceof ErrorResponse error) {
            status = error.getStatusCode();
        } else {
            return null;
        }
        response.setStatus(status.value());
        // A missing stylesheet or script already has its content type set from the file name.
        response.setContentType("text/html;charset=UTF-8");
        ModelAndView page = new ModelAndView(status.value() == 404 ? "error/404" : "error", status);
        page.addObject("status", status.value());
        return page;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static boolean isPage(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class);
    }
}
