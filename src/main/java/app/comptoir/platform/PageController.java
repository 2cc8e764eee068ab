package app.comptoir.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders HTML pages of the web UI.
 *
 * <p>Page controllers get the back-office shell (navigation, current user and tenant) in their model,
 * and their errors become error pages. {@code @RestController}s are deliberately not matched: the
 * JSON API answers with problem details instead, and {@code @RestController} being itself a
 * {@code @Controller} would make an advice on {@code @Controller} catch API errors too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    /** The bean name, if any. */
    @AliasFor(annotation = Controller.class)
    String value() default "";
}
