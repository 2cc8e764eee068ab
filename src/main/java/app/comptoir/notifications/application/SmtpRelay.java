package app.comptoir.notifications.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import app.comptoir.identity.LegalIdentity;
import app.comptoir.notifications.persistence.OutgoingMail;

/**
 * The SMTP adapter: hands one e-mail to the operator's SMTP server through Spring Boot's {@link JavaMailSender}
 * ({@code spring.mail.host}, port, credentials, STARTTLS through {@code spring.mail.properties}). Without a host
 * Boot creates no sender, and every attempt fails with "SMTP not configured" (the mail stays in the log, retried,
 * never lost). The outcome tells a permanent refusal of the recipient (a 5xx reply to RCPT TO: BOUNCED) from a
 * failure worth retrying (server unreachable, 4xx, timeout).
 */
@Component
class SmtpRelay {

    static final String NOT_CONFIGURED = "SMTP not configured (spring.mail.host)";

    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;

    SmtpRelay(ObjectProvider<JavaMailSender> senders, MailSettings settings) {
        this.senders = senders;
        this.settings = settings;
    }

    /** How an attempt went. */
    sealed interface Outcome {
        /** Accepted by the SMTP server. */
        record Sent() implements Outcome {
        }

        /** Worth another attempt later. */
        record Failed(String reason) implements Outcome {
        }

        /** Refused for good (5xx for the recipient). */
        record Bounced(String reason) implements Outcome {
        }
    }

    /** Whether an SMTP server is configured. */
    boolean configured() {
        return sender().isPresent();
    }

    /** Sends the mail, with the business's logo inline when its HTML shows it. */
    Outcome send(OutgoingMail mail, Optional<LegalIdentity.Logo> logo) {
        Optional<JavaMailSender> sender = sender();
        if (sender.isEmpty()) {
            return new Outcome.Failed(NOT_CONFIGURED);
        }
        try {
            MimeMessage message = sender.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.textBody(), mail.htmlBody());
            if (logo.isPresent() && mail.htmlBody() != null && mail.htmlBody().contains("cid:" + MailTemplates.LOGO_CID)) {
                helper.addInline(MailTemplates.LOGO_CID, new ByteArrayResource(logo.get().bytes()), logo.get().mediaType());
            }
            for (MailAttachments.File file : MailAttachments.unpack(mail.attachmentName(), mail.attachment())) {
                helper.addAttachment(file.name(), new ByteArrayResource(file.bytes()), contentType(file.name()));
            }
            sender.get().send(message);
            return new Outcome.Sent();
        } catch (MessagingException | MailException e) {
            return classify(e);
        }
    }

    /** A 5xx reply about the recipient is a bounce; anything else may pass later. */
    static Outcome classify(Exception e) {
        for (Throwable cause : causes(e)) {
            if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return new Outcome.Bounced(refused.getReturnCode() + " " + oneLine(refused.getMessage()));
            }
        }
        return new Outcome.Failed(reason(e));
    }

    private Optional<JavaMailSender> sender() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            return Optional.empty();
        }
        return Optional.ofNullable(sender);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        collect(e, all);
        return all;
    }

    private static void collect(Throwable e, List<Throwable> all) {
        while (e != null && !all.contains(e)) {
            all.add(e);
            if (e instanceof MailSendException send) {
                for (Exception inner : send.getMessageExceptions()) {
                    collect(inner, all);
                }
            }
            if (e instanceof MessagingException messaging && messaging.getNextException() != null) {
                collect(messaging.getNextException(), all);
            }
            e = e.getCause();
        }
    }

    /** The deepest message, which names what went wrong (connection refused, 421 ...), on one line. */
    private static String reason(Exception e) {
        List<Throwable> all = causes(e);
        String reason = null;
        for (Throwable t : all) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getClass().getSimpleName() + ": " + oneLine(t.getMessage());
            }
        }
        return reason == null ? e.getClass().getSimpleName() : reason;
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }

    /** The media type of an attachment by its name: a calendar file (.ics) or, as every other one so far, a PDF. */
    static String contentType(String fileName) {
        return fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".ics")
                ? "text/calendar; charset=UTF-8; method=PUBLISH" : "application/pdf";
    }
}
