package app.comptoir.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The e-mail tests' world: a real SMTP server (GreenMail) on a free port of this machine, and the application
 * started against it in its own context (its own data directory and embedded PostgreSQL, no demo businesses:
 * the tests sign up their own), with retries a few seconds apart and db-scheduler polling every second.
 */
public final class MailTesting implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int SMTP_PORT = freePort();
    public static final String PUBLIC_URL = "https://comptoir.test";

    private static GreenMail smtp;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory("comptoir-mail-test-");
            dir.toFile().deleteOnExit();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("comptoir-mail-test", Map.of(
                    "comptoir.data-dir", dir.toString(),
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(SMTP_PORT))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the SMTP server (again, after {@link #stopSmtp}), with an empty mailbox. */
    public static synchronized GreenMail startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp;
    }

    /** An SMTP outage: nothing listens on the port until {@link #startSmtp}. */
    public static synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** The messages the SMTP server received for one address. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The text of every part of the message with this content type (text/plain, text/html). */
    public static String part(MimeMessage message, String type) {
        try {
            List<String> texts = new ArrayList<>();
            collect(message, type, texts, new ArrayList<>());
            return String.join("\n", texts);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attachments of the message (file name, bytes). */
    static List<Map.Entry<String, byte[]>> attachments(MimeMessage message) {
        try {
            List<Map.Entry<String, byte[]>> files = new ArrayList<>();
            collect(message, "none", new ArrayList<>(), files);
            return files;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Content-IDs of the inline images of the message (the HTML shows them as {@code cid:...}). */
    static List<String> inlineImages(MimeMessage message) {
        try {
            List<String> ids = new ArrayList<>();
            inline(message, ids);
            return ids;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inline(Part part, List<String> ids) throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                inline(multipart.getBodyPart(i), ids);
            }
        } else if (part.isMimeType("image/*") && part instanceof jakarta.mail.internet.MimePart mime
                && mime.getContentID() != null) {
            ids.add(mime.getContentID());
        }
    }

    private static void collect(Part part, String type, List<String> texts, List<Map.Entry<String, byte[]>> files)
            throws MessagingException, IOException {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart inner = multipart.getBodyPart(i);
                collect(inner, type, texts, files);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream in = part.getInputStream()) {
                files.add(Map.entry(part.getFileName(), in.readAllBytes()));
            }
        } else if (part.isMimeType(type)) {
            texts.add(part.getContent().toString());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
