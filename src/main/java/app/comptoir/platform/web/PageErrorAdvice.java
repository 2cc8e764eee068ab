package app.comptoir.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;

/**
 * Turns the business errors of {@link PageController page controllers} into error pages instead of a 500.
 *
 * <p>Only page controllers are advised: the JSON API has its own problem-details advice. Spring MVC's
 * request errors are {@link BrowserErrorPages}' job; anything else (an unexpected exception, an access
 * denial) goes on to Spring Security and Spring Boot's error page, which renders {@code error.html}.
 */
@ControllerAdvice(annotations = PageController.class)
class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "error/404", response);
    }

    /**
     * A form refused as a whole before its page ran (a control character in a field, see
     * {@link FormTextGuard}): the 400 page names the field, so the user knows what to retype.
     */
    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        log.info("Invalid input on a page: {}", e.getMessage());
        ModelAndView page = page(e.status(), "error", response);
        if (!e.errors().isEmpty()) {
            page.addObject("invalidField", e.errors().getFirst().field());
        }
        return page;
    }

    /** Pages handle the errors they expect next to the fields; this is the safety net for the others. */
    @ExceptionHandler(ComptoirException.class)
    ModelAndView business(ComptoirException e, HttpServletResponse response) {
        log.info("Business error on a page: {} ({})", e.type(), e.getMessage());
        return page(e.status(), "error", response);
    }

    private static ModelAndView page(HttpStatus status, String view, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        return page;
    }
}
