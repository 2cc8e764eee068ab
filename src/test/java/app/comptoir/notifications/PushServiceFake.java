package app.comptoir.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.notifications.domain.P256;
import app.comptoir.notifications.domain.PushEncryption;

/**
 * A push service on a free local port, speaking the Web Push protocol as a browser vendor's would (RFC 8030):
 * it accepts a message only with a valid VAPID authorization (RFC 8292: an ES256 JWT whose signature verifies
 * with the {@code k=} key, which must be the server's, for this origin as audience, not expired), the
 * {@code aes128gcm} coding and a TTL, then decrypts it with the browser's private key and secret (RFC 8291),
 * as the browser will. Each browser is a key pair and a 16-byte secret made by the test; answers can be
 * scripted per browser (410, 500 with Retry-After...), otherwise 201.
 */
final class PushServiceFake implements AutoCloseable {

    private static final Pattern AUTHORIZATION = Pattern.compile("vapid t=([^.,\\s]+)\\.([^.,\\s]+)\\.([^.,\\s]+), k=(\\S+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A browser subscribed through this push service. */
    record Browser(String token, KeyPair keys, byte[] auth, String endpoint) {
        String p256dh() {
            return P256.base64Url(P256.encode((ECPublicKey) keys.getPublic()));
        }

        String authText() {
            return P256.base64Url(auth);
        }
    }

    /** A message the push service accepted, decrypted, with its headers. */
    record Received(String token, String title, String body, String link, String ttl, String urgency) {
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final String expectedKey;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    PushServiceFake(String expectedVapidPublicKey) throws IOException {
        this.expectedKey = expectedVapidPublicKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new browser: its P-256 key pair and 16-byte authentication secret, as the browser makes them. */
    Browser newBrowser() {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        String token = UUID.randomUUID().toString();
        Browser browser = new Browser(token, P256.generate(), auth, origin() + "/push/" + token);
        browsers.put(token, browser);
        return browser;
    }

    /** The next answers to give this browser's messages, in order; then 201. */
    void script(Browser browser, Answer... answers) {
        scripts.computeIfAbsent(browser.token(), t -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    List<Received> receivedBy(Browser browser) {
        return received.stream().filter(r -> r.token().equals(browser.token())).toList();
    }

    int attemptsFor(Browser browser) {
        return attempts.getOrDefault(browser.token(), 0);
    }

    List<String> refused() {
        return refused;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String token = exchange.getRequestURI().getPath().substring("/push/".length());
            Browser browser = browsers.get(token);
            if (!"POST".equals(exchange.getRequestMethod()) || browser == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            attempts.merge(token, 1, Integer::sum);
            String problem = check(exchange);
            if (problem != null) {
                refused.add(problem);
                exchange.sendResponseHeaders(problem.startsWith("401") ? 401 : 400, -1);
                return;
            }
            Queue<Answer> script = scripts.get(token);
            Answer answer = script == null ? null : script.poll();
            if (answer != null && answer.status() >= 300) {
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            JsonNode message = JSON.readTree(PushEncryption.decrypt(body, (ECPrivateKey) browser.keys().getPrivate(),
                    (ECPublicKey) browser.keys().getPublic(), browser.auth()));
            received.add(new Received(token, message.path("title").asString(), message.path("body").asString(),
                    message.path("link").isNull() ? null : message.path("link").asString(),
                    exchange.getRequestHeaders().getFirst("TTL"), exchange.getRequestHeaders().getFirst("Urgency")));
            exchange.getResponseHeaders().add("Location", origin() + "/message/" + UUID.randomUUID());
            exchange.sendResponseHeaders(201, -1);
        } catch (RuntimeException e) {
            refused.add("500 " + e);
        }
    }

    /** What a real push service checks before accepting a message; null when all is well. */
    private String check(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = authorization == null ? null : AUTHORIZATION.matcher(authorization);
        if (m == null || !m.matches()) {
            return "401 no VAPID authorization: " + authorization;
        }
        if (!m.group(4).equals(expectedKey)) {
            return "401 not the key the browser subscribed with: " + m.group(4);
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(P256.publicKey(P256.fromBase64Url(m.group(4))));
            verifier.update((m.group(1) + "." + m.group(2)).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(P256.fromBase64Url(m.group(3)))) {
                return "401 bad JWT signature";
            }
            JsonNode header = JSON.readTree(P256.fromBase64Url(m.group(1)));
            JsonNode claims = JSON.readTree(P256.fromBase64Url(m.group(2)));
            if (!"ES256".equals(header.path("alg").asString())) {
                return "401 JWT not ES256";
            }
            if (!origin().equals(claims.path("aud").asString())) {
                return "401 wrong audience " + claims.path("aud").asString();
            }
            long exp = claims.path("exp").asLong();
            long now = Instant.now().getEpochSecond();
            if (exp <= now || exp > now + 24 * 3600) {
                return "401 expiry out of range " + exp;
            }
            if (!claims.path("sub").asString().matches("(mailto:|https://).+")) {
                return "401 no contact in sub";
            }
        } catch (Exception e) {
            return "401 unreadable VAPID token " + e;
        }
        if (!"aes128gcm".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            return "400 not aes128gcm";
        }
        String ttl = exchange.getRequestHeaders().getFirst("TTL");
        if (ttl == null || !ttl.matches("\\d+")) {
            return "400 no TTL";
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
