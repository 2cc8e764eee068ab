import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shoppers for a benchmark: registered through the store API, their e-mail verified with the link of the mail the
 * application sent (received by a small SMTP server of this program: start Comptoir with {@code
 * SPRING_MAIL_HOST=localhost SPRING_MAIL_PORT=<port>}), then signed in; answers their bearer tokens. Registrations are
 * throttled per address: start Comptoir with {@code COMPTOIR_STOREFRONT_REGISTRATIONS_PER_ADDRESS} above the count.
 */
final class BenchShoppers {

    private static final Pattern TOKEN = Pattern.compile("verify\\?token=([A-Za-z0-9_\\-]+)");

    private BenchShoppers() {
    }

    static List<String> register(HttpClient http, String base, String slug, int count, int smtpPort, String password)
            throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        try (ServerSocket server = new ServerSocket(smtpPort)) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread.ofVirtual().start(() -> receive(socket, tokens));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String run = Long.toString(System.currentTimeMillis(), 36);
            List<String> emails = new ArrayList<>();
            String store = base + "/api/v1/store/" + slug;
            for (int i = 0; i < count; i++) {
                String email = "bench-" + run + "-" + i + "@example.test";
                BenchClient.post(http, store + "/customers", "none", "{\"email\":\"" + email + "\",\"password\":\""
                        + password + "\",\"name\":\"Client " + i + "\"}");
                emails.add(email);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!tokens.keySet().containsAll(emails)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Verification mails received for " + tokens.size() + " of " + count
                            + " shoppers: is Comptoir started with SPRING_MAIL_HOST=localhost SPRING_MAIL_PORT="
                            + smtpPort + "?");
                }
                Thread.sleep(200);
            }
            List<String> bearers = new ArrayList<>();
            for (String email : emails) {
                BenchClient.post(http, store + "/customers/verify", "none", "{\"token\":\"" + tokens.get(email) + "\"}");
                String login = BenchClient.post(http, store + "/auth/login", "none",
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
                bearers.add(BenchClient.field(login, "token"));
            }
            return bearers;
        }
    }

    /** One SMTP conversation: keeps the verification token of each mail by its recipient. */
    private static void receive(Socket socket, Map<String, String> tokens) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 bench");
                    case "RCPT" -> {
                        Matcher m = Pattern.compile("<([^>]+)>").matcher(line);
                        recipient = m.find() ? m.group(1).toLowerCase() : null;
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            data.append(line).append('\n');
                        }
                        String token = token(data.toString());
                        if (recipient != null && token != null) {
                            tokens.put(recipient, token);
                        }
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (Exception e) {
            // a broken conversation: the mail is sent again by the application
        }
    }

    /** The token of the verification link, in a plain, quoted-printable or Base64 part. */
    static String token(String message) {
        StringBuilder text = new StringBuilder(message.replace("=\n", "").replace("=3D", "="));
        Matcher parts = Pattern.compile("(?is)Content-Transfer-Encoding: base64\\s*\\n\\n([A-Za-z0-9+/=\\n]+)").matcher(message);
        while (parts.find()) {
            try {
                text.append('\n').append(new String(Base64.getMimeDecoder().decode(parts.group(1)), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not Base64 after all
            }
        }
        Matcher m = TOKEN.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static void reply(OutputStream out, String text) throws Exception {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
