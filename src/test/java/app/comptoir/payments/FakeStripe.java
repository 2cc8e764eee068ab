package app.comptoir.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Stripe speaking Stripe's wire protocol for what Comptoir uses, so that the application's real
 * {@code stripe-java} client talks to it over HTTP (pointed at it by {@code comptoir.payments.stripe.api-base},
 * set by {@link Initializer} for the shared integration test context):
 * <ul>
 *   <li>{@code POST /v1/checkout/sessions} (form-encoded, {@code Authorization: Bearer sk_…}): a Checkout Session;
 *       the same {@code Idempotency-Key} with the same parameters answers the same session, with other parameters
 *       a 400 {@code idempotency_error}, as Stripe does;</li>
 *   <li>{@code GET /v1/checkout/sessions/{id}}, {@code POST /v1/checkout/sessions/{id}/expire};</li>
 *   <li>{@code POST /v1/refunds} (payment_intent, amount), idempotent the same way;</li>
 *   <li>the hosted checkout page at the session's {@code url}, with a test-mode banner for test keys, a "Payer"
 *       button that marks the session paid, sends a signed {@code checkout.session.completed} webhook to the
 *       account's webhook address and redirects to the {@code success_url}, and an "Annuler" link to the
 *       {@code cancel_url}.</li>
 * </ul>
 * Webhooks are signed as Stripe signs them: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "t.payload" with the endpoint's secret>}. Tests build and send events themselves through {@link Account}
 * (tampered, too old, under another secret, replayed, duplicated).
 */
public final class FakeStripe implements AutoCloseable {

    /** The API version the fake's events carry (stripe-java's own, so it reads their objects). */
    public static final String API_VERSION = com.stripe.Stripe.API_VERSION;

    private static FakeStripe shared;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService webhookSender = Executors.newSingleThreadExecutor();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> byPaymentIntent = new ConcurrentHashMap<>();
    private final Map<String, Refund> refunds = new ConcurrentHashMap<>();
    private final Map<String, Idempotent> idempotency = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    /** One API request received: method, path, the Idempotency-Key, the form parameters. */
    public record Request(String method, String path, String apiKey, String idempotencyKey, Map<String, String> form) {
    }

    /** One webhook delivery made: the event, the id of its object, what the application answered. */
    public record Delivery(String eventId, String type, String objectId, int status, String body) {
    }

    /** A Checkout Session as the fake keeps it. */
    public static final class Session {
        public final String id;
        public final Account account;
        public final Map<String, String> params;
        public final long amountTotal;
        public final String currency;
        public final long created;
        public volatile String status = "open";
        public volatile String paymentStatus = "unpaid";
        public volatile String paymentIntent;
        public volatile long refunded;

        Session(String id, Account account, Map<String, String> params, long amountTotal, String currency, long created) {
            this.id = id;
            this.account = account;
            this.params = params;
            this.amountTotal = amountTotal;
            this.currency = currency;
            this.created = created;
        }

        public Map<String, String> metadata() {
            return FakeStripe.prefixed(params, "metadata");
        }

        public String successUrl() {
            return params.get("success_url");
        }
    }

    /** A refund as the fake keeps it. */
    public record Refund(String id, String paymentIntent, long amount, String currency, Map<String, String> metadata,
                         long created) {
    }

    private record Idempotent(Map<String, String> params, int status, String body) {
    }

    /** A Stripe account: its secret key, its webhook signing secret and where its webhooks go. */
    public final class Account {
        public final String secretKey;
        public final String webhookSecret;
        private volatile String webhookUrl;

        Account(boolean test) {
            String random = UUID.randomUUID().toString().replace("-", "");
            this.secretKey = (test ? "sk_test_" : "sk_live_") + "51Fake" + random;
            this.webhookSecret = "whsec_" + random.substring(0, 24);
        }

        public boolean test() {
            return secretKey.startsWith("sk_test_");
        }

        /** Where this account's webhook endpoint is (what the business pasted in Stripe's dashboard). */
        public Account sendWebhooksTo(String url) {
            this.webhookUrl = url;
            return this;
        }

        /** An event of this account, with a fresh id, as Stripe writes it. */
        public String event(String type, Map<String, Object> object) {
            return event("evt_" + random(24), type, object);
        }

        /** An event with the given id. */
        public String event(String id, String type, Map<String, Object> object) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", id);
            event.put("object", "event");
            event.put("api_version", API_VERSION);
            event.put("created", Instant.now().getEpochSecond());
            event.put("data", Map.of("object", object));
            event.put("livemode", !test());
            event.put("pending_webhooks", 1);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", null);
            request.put("idempotency_key", null);
            event.put("request", request);
            event.put("type", type);
            return json.writeValueAsString(event);
        }

        /** The JSON object of a session as Stripe shows it (for events built by tests). */
        public Map<String, Object> sessionObject(String sessionId) {
            return FakeStripe.this.sessionJson(sessions.get(sessionId));
        }

        /** Sends the payload signed now with the account's secret. */
        public Delivery deliver(String payload) {
            return deliver(payload, Instant.now().getEpochSecond(), webhookSecret);
        }

        /** Sends the payload signed at the given time with the given secret. */
        public Delivery deliver(String payload, long timestamp, String secret) {
            return deliverRaw(payload, signature(payload, timestamp, secret));
        }

        /** Sends the payload with exactly this Stripe-Signature header (null: none). */
        public Delivery deliverRaw(String payload, String signatureHeader) {
            return FakeStripe.this.post(webhookUrl, payload, signatureHeader);
        }

        /** What the customer does on the hosted page's "Payer": the session is paid, its webhook delivered. */
        public Delivery pay(String sessionId) {
            return FakeStripe.this.pay(sessions.get(sessionId));
        }

        /** The session expires at Stripe (its time ran out); the expired webhook is delivered. */
        public Delivery expire(String sessionId) {
            Session session = sessions.get(sessionId);
            session.status = "expired";
            return deliver(event("checkout.session.expired", sessionJson(session)));
        }
    }

    private FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The fake of this test JVM (started on first use). */
    public static synchronized FakeStripe shared() {
        if (shared == null) {
            try {
                shared = new FakeStripe();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the fake Stripe", e);
            }
        }
        return shared;
    }

    /** Points the application's Stripe client at the shared fake ({@code comptoir.payments.stripe.api-base}). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-stripe",
                    Map.of("comptoir.payments.stripe.api-base", shared().apiBase(),
                            "comptoir.payments.stripe.max-network-retries", "0")));
        }
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new account (test keys, or live keys when {@code test} is false). */
    public Account account(boolean test) {
        Account account = new Account(test);
        accounts.put(account.secretKey, account);
        return account;
    }

    public Session session(String id) {
        return sessions.get(id);
    }

    /** The API requests received with this key, in order. */
    public List<Request> requests(String apiKey) {
        return requests.stream().filter(r -> Objects.equals(r.apiKey(), apiKey)).toList();
    }

    /** The sessions created with this key. */
    public List<Session> sessions(String apiKey) {
        return sessions.values().stream().filter(s -> s.account.secretKey.equals(apiKey))
                .sorted(java.util.Comparator.comparingLong(s -> s.created)).toList();
    }

    /** The refunds made on a session's payment. */
    public List<Refund> refundsOf(String sessionId) {
        Session session = sessions.get(sessionId);
        return refunds.values().stream().filter(r -> session.paymentIntent != null
                && r.paymentIntent().equals(session.paymentIntent)).toList();
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Stripe's signature header for a payload: {@code t=<timestamp>,v1=<hex HMAC-SHA256(secret, t.payload)>}. */
    public static String signature(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        webhookSender.shutdownNow();
    }

    // ---- HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/pay/")) {
                page(exchange, method, path.substring("/pay/".length()));
                return;
            }
            String body = read(exchange.getRequestBody());
            Map<String, String> form = form(method.equals("GET") ? exchange.getRequestURI().getRawQuery() : body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String key = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).strip() : null;
            String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(new Request(method, path, key, idempotencyKey, form));
            Account account = key == null ? null : accounts.get(key);
            if (account == null) {
                error(exchange, 401, "invalid_request_error", key == null
                        ? "You did not provide an API key." : "Invalid API Key provided: " + mask(key), null);
                return;
            }
            if (method.equals("POST") && idempotencyKey != null) {
                Idempotent earlier = idempotency.get(key + "|" + path + "|" + idempotencyKey);
                if (earlier != null) {
                    if (!earlier.params().equals(form)) {
                        error(exchange, 400, "idempotency_error", "Keys for idempotent requests can only be used with"
                                + " the same parameters they were first used with.", null);
                    } else {
                        exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
                        respond(exchange, earlier.status(), earlier.body());
                    }
                    return;
                }
            }
            Answer answer = route(account, method, path, form);
            if (method.equals("POST") && idempotencyKey != null && answer.status() < 500) {
                idempotency.put(key + "|" + path + "|" + idempotencyKey, new Idempotent(form, answer.status(), answer.body()));
            }
            respond(exchange, answer.status(), answer.body());
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"" + e + "\"}}");
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer route(Account account, String method, String path, Map<String, String> form) {
        if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
            return createSession(account, form);
        }
        if (path.startsWith("/v1/checkout/sessions/")) {
            String rest = path.substring("/v1/checkout/sessions/".length());
            boolean expire = rest.endsWith("/expire");
            Session session = sessions.get(expire ? rest.substring(0, rest.length() - "/expire".length()) : rest);
            if (session == null || session.account != account) {
                return errorAnswer(404, "invalid_request_error", "No such checkout.session: '" + rest + "'", "id");
            }
            if (method.equals("GET") && !expire) {
                return new Answer(200, json.writeValueAsString(sessionJson(session)));
            }
            if (method.equals("POST") && expire) {
                if (!session.status.equals("open")) {
                    return errorAnswer(400, "invalid_request_error",
                            "Only Checkout Sessions with a status of open can be expired.", null);
                }
                session.status = "expired";
                String event = account.event("checkout.session.expired", sessionJson(session));
                webhookSender.submit(() -> account.deliver(event));
                return new Answer(200, json.writeValueAsString(sessionJson(session)));
            }
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return createRefund(account, form);
        }
        return errorAnswer(404, "invalid_request_error", "Unrecognized request URL (" + method + ": " + path + ")", null);
    }

    private Answer createSession(Account account, Map<String, String> form) {
        for (String required : List.of("mode", "success_url", "line_items[0][price_data][currency]",
                "line_items[0][price_data][unit_amount]")) {
            if (!form.containsKey(required)) {
                return errorAnswer(400, "invalid_request_error", "Missing required param: " + required + ".", required);
            }
        }
        long total = 0;
        String currency = form.get("line_items[0][price_data][currency]");
        for (int i = 0; form.containsKey("line_items[" + i + "][price_data][unit_amount]"); i++) {
            long unit = Long.parseLong(form.get("line_items[" + i + "][price_data][unit_amount]"));
            long quantity = Long.parseLong(form.getOrDefault("line_items[" + i + "][quantity]", "1"));
            total += unit * quantity;
        }
        if (total <= 0) {
            return errorAnswer(400, "invalid_request_error", "Invalid integer: unit_amount", "line_items[0][price_data][unit_amount]");
        }
        long now = Instant.now().getEpochSecond();
        if (form.containsKey("expires_at")) {
            long expires = Long.parseLong(form.get("expires_at"));
            if (expires < now + 30 * 60 - 5 || expires > now + 24 * 3600 + 5) {
                return errorAnswer(400, "invalid_request_error", "The `expires_at` timestamp must be between 30 minutes"
                        + " and 24 hours from Checkout Session creation.", "expires_at");
            }
        }
        Session session = new Session((account.test() ? "cs_test_" : "cs_live_") + random(40), account, form, total,
                currency, now);
        sessions.put(session.id, session);
        return new Answer(200, json.writeValueAsString(sessionJson(session)));
    }

    private Answer createRefund(Account account, Map<String, String> form) {
        String intent = form.get("payment_intent");
        Session session = intent == null ? null : byPaymentIntent.get(intent);
        if (session == null || session.account != account) {
            return errorAnswer(400, "invalid_request_error", "No such payment_intent: '" + intent + "'", "payment_intent");
        }
        long left = session.amountTotal - session.refunded;
        long amount = form.containsKey("amount") ? Long.parseLong(form.get("amount")) : left;
        if (amount <= 0 || amount > left) {
            return errorAnswer(400, "invalid_request_error", "Refund amount (" + amount + ") is greater than unrefunded"
                    + " amount on charge (" + left + ")", "amount");
        }
        session.refunded += amount;
        Refund refund = new Refund("re_" + random(24), intent, amount, session.currency, prefixed(form, "metadata"),
                Instant.now().getEpochSecond());
        refunds.put(refund.id(), refund);
        String event = account.event("refund.created", refundJson(refund));
        webhookSender.submit(() -> account.deliver(event));
        return new Answer(200, json.writeValueAsString(refundJson(refund)));
    }

    private Delivery pay(Session session) {
        if (!session.status.equals("open")) {
            throw new IllegalStateException("Session " + session.id + " is " + session.status);
        }
        session.status = "complete";
        session.paymentStatus = "paid";
        session.paymentIntent = "pi_" + random(24);
        byPaymentIntent.put(session.paymentIntent, session);
        return session.account.deliver(session.account.event("checkout.session.completed", sessionJson(session)));
    }

    /** The hosted checkout page: GET shows it, POST is its "Payer" button. */
    private void page(HttpExchange exchange, String method, String id) throws IOException {
        Session session = sessions.get(id);
        if (session == null) {
            respondHtml(exchange, 404, "<p>Session inconnue</p>");
            return;
        }
        if (method.equals("POST")) {
            read(exchange.getRequestBody());
            if (session.status.equals("open")) {
                pay(session);
            }
            exchange.getResponseHeaders().add("Location", session.successUrl().replace("{CHECKOUT_SESSION_ID}", session.id));
            exchange.sendResponseHeaders(303, -1);
            return;
        }
        String amount = java.math.BigDecimal.valueOf(session.amountTotal)
                .movePointLeft(Set0.zeroDecimal(session.currency) ? 0 : 2).toPlainString() + " "
                + session.currency.toUpperCase(java.util.Locale.ROOT);
        String name = escape(session.params.getOrDefault("line_items[0][price_data][product_data][name]", ""));
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Paiement</title></head><body>"
                + (session.account.test() ? "<div data-stripe-test-mode role=\"status\">Mode test : aucun argent réel"
                + "</div>" : "")
                + "<h1 data-checkout-name>" + name + "</h1><p data-checkout-amount>" + escape(amount) + "</p>"
                + "<p data-checkout-status>" + session.status + "</p>"
                + (session.status.equals("open") ? "<form method=\"post\" action=\"/pay/" + session.id + "\">"
                + "<button type=\"submit\" data-pay>Payer</button></form>" : "")
                + "<a href=\"" + escape(session.params.getOrDefault("cancel_url", "/")) + "\" data-cancel>Annuler</a>"
                + "</body></html>";
        respondHtml(exchange, 200, html);
    }

    private Delivery post(String url, String payload, String signature) {
        if (url == null) {
            throw new IllegalStateException("No webhook address for this account: call sendWebhooksTo first");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "*/*; q=0.5, application/xml")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String id = null;
            String type = null;
            String object = null;
            try {
                Map<?, ?> event = json.readValue(payload, Map.class);
                id = String.valueOf(event.get("id"));
                type = String.valueOf(event.get("type"));
                if (event.get("data") instanceof Map<?, ?> data && data.get("object") instanceof Map<?, ?> o) {
                    object = String.valueOf(o.get("id"));
                }
            } catch (RuntimeException notJson) {
                // a test's tampering: still report the answer
            }
            Delivery delivery = new Delivery(id, type, object, response.statusCode(), response.body());
            deliveries.add(delivery);
            return delivery;
        } catch (IOException e) {
            throw new IllegalStateException("Webhook delivery to " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- JSON shapes

    Map<String, Object> sessionJson(Session s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.id);
        o.put("object", "checkout.session");
        o.put("amount_subtotal", s.amountTotal);
        o.put("amount_total", s.amountTotal);
        o.put("cancel_url", s.params.get("cancel_url"));
        o.put("client_reference_id", s.params.get("client_reference_id"));
        o.put("created", s.created);
        o.put("currency", s.currency);
        o.put("customer_email", s.params.get("customer_email"));
        o.put("expires_at", s.params.containsKey("expires_at") ? Long.parseLong(s.params.get("expires_at"))
                : s.created + 24 * 3600);
        o.put("livemode", !s.account.test());
        o.put("metadata", s.metadata());
        o.put("mode", s.params.get("mode"));
        o.put("payment_intent", s.paymentIntent);
        o.put("payment_status", s.paymentStatus);
        o.put("status", s.status);
        o.put("success_url", s.params.get("success_url"));
        o.put("url", s.status.equals("open") ? apiBase() + "/pay/" + s.id : null);
        return o;
    }

    private static Map<String, Object> refundJson(Refund r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("object", "refund");
        o.put("amount", r.amount());
        o.put("charge", "ch_" + r.paymentIntent().substring(3));
        o.put("created", r.created());
        o.put("currency", r.currency());
        o.put("metadata", r.metadata());
        o.put("payment_intent", r.paymentIntent());
        o.put("status", "succeeded");
        return o;
    }

    // ---- helpers

    private Answer errorAnswer(int status, String type, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("message", message);
        if (param != null) {
            error.put("param", param);
        }
        return new Answer(status, json.writeValueAsString(Map.of("error", error)));
    }

    private void error(HttpExchange exchange, int status, String type, String message, String param) throws IOException {
        Answer answer = errorAnswer(status, type, message, param);
        respond(exchange, answer.status(), answer.body());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + random(14));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respondHtml(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Stripe's form encoding, flattened: {@code metadata[payment_id]=…} stays a key of its own. */
    private static Map<String, String> form(String encoded) {
        Map<String, String> form = new TreeMap<>();
        if (encoded == null || encoded.isBlank()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(name, value);
        }
        return form;
    }

    static Map<String, String> prefixed(Map<String, String> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(prefix + "[") && k.endsWith("]") && k.indexOf('[', prefix.length() + 1) < 0) {
                values.put(k.substring(prefix.length() + 1, k.length() - 1), v);
            }
        });
        return values;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return out.substring(0, length);
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Stripe's zero-decimal currencies, for the page's display. */
    private static final class Set0 {
        static boolean zeroDecimal(String currency) {
            return java.util.Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd",
                    "vuv", "xaf", "xof", "xpf").contains(currency.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** For an assertion message: the requests this key made. */
    public String describe(String apiKey) {
        List<String> lines = new ArrayList<>();
        requests(apiKey).forEach(r -> lines.add(r.method() + " " + r.path() + " " + r.idempotencyKey()));
        return String.join("\n", lines);
    }
}
