package app.comptoir.notifications;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver started by the test (the JDK's HTTP server on a free port of the loopback address): it
 * keeps every request, answers with the codes queued (200 when none is left), and checks signatures with the
 * verification code docs/notifications.md gives receivers (not Comptoir's own class).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request received. */
    record Received(Map<String, String> headers, String body, int answered) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> codes = new ConcurrentLinkedQueue<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            Integer queued = codes.poll();
            int code = queued == null ? 200 : queued;
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8), code));
            byte[] answer = (code == 200 ? "ok, thanks" : "receiver down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The URL to register (plain HTTP on 127.0.0.1: allowed by comptoir.webhooks.allow-private-addresses). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/comptoir";
    }

    /** The next answers, in order (then 200). */
    void answer(Integer... next) {
        codes.addAll(List.of(next));
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------ the docs' verification code for Java receivers

    static boolean verify(String secret, String signatureHeader, String body, Duration tolerance) throws Exception {
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                timestamp = Long.parseLong(kv[1]);
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp < 0 || Math.abs(Instant.now().getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        for (String candidate : signatures) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
