package app.comptoir.notifications.application;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays an e-mail out from {@code templates/notifications/mail/mail.html} and {@code mail.txt}: the business's
 * name (and logo, attached inline as {@code cid:logo} when the business uploaded one), then the content. Its own
 * template engine, so the plain-text version is rendered in Thymeleaf's TEXT mode (no HTML escaping) and the
 * web pages' engine stays untouched.
 */
@Component
class MailTemplates {

    /** The content id of the inline logo in the HTML part. */
    static final String LOGO_CID = "logo";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates(MessageSource messages) {
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** A rendered e-mail body: HTML and plain text. */
    record Bodies(String html, String text) {
    }

    Bodies render(MailContent content, String business, boolean logo, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("content", content);
        context.setVariable("business", business);
        context.setVariable("logo", logo ? "cid:" + LOGO_CID : null);
        return new Bodies(engine.process("mail.html", context), engine.process("mail.txt", context));
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/notifications/mail/");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
