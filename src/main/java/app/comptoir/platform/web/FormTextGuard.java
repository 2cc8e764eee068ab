package app.comptoir.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TextInput;

/**
 * Refuses a web form whose fields hold a control character (other than tab, CR and LF) before its page
 * controller runs, so nothing is written: the one rule of {@link TextInput} for every form at once.
 *
 * <p>An interceptor rather than a global {@code @InitBinder} editor: registering an editor initialises
 * the data binder, which then refuses the settings a page's own {@code @InitBinder} makes (the product
 * form's collection limit); and it also covers the plain {@code @RequestParam} fields. The refusal is an
 * {@link InvalidInputException} naming the field, which {@link PageErrorAdvice} shows as the 400 page.
 */
final class FormTextGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (TextInput.hasControlCharacter(parameter.getKey())) {
                throw InvalidInputException.field("_", "must not contain control characters");
            }
            for (String value : parameter.getValue()) {
                if (value != null && TextInput.hasControlCharacter(value)) {
                    throw InvalidInputException.field(parameter.getKey(), "must not contain control characters");
                }
            }
        }
        return true;
    }
}
