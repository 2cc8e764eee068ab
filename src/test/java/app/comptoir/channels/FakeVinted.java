package app.comptoir.channels;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Vinted speaking the logged-in website's web API as Comptoir's adapter uses it, one per test JVM (pointed at
 * by {@code comptoir.channels.vinted.base-url}, set by {@link Initializer} for the shared integration context, which
 * also sets the spacing between writes to 0 and runs publication jobs only when a test asks):
 * <ul>
 *   <li>{@code POST /api/v2/photos} (multipart) → {@code {id, url}};</li>
 *   <li>{@code POST /api/v2/item_upload/items} {@code {"item":{...},"upload_session_id":...}} → {@code {"item":{"id":..}}};</li>
 *   <li>{@code PUT /api/v2/item_upload/items/{id}}, {@code POST /api/v2/items/{id}/delete};</li>
 *   <li>{@code GET /api/v2/items/{id}}, {@code GET /api/v2/wardrobe/{userId}/items}, {@code GET /api/v2/users/current};</li>
 *   <li>Vinted's lists, in the shapes its site reads: {@code GET /api/v2/catalogs} (a tree: {@code catalogs} nested in
 *   each), {@code GET /api/v2/brands?keyword=} ({@code brands} whose title contains it), {@code GET /api/v2/size_groups}
 *   (each group with its {@code sizes}), {@code GET /api/v2/statuses} and {@code GET /api/v2/colors}.</li>
 * </ul>
 * Every call needs the session: the session cookie of a user {@link #login logged in} here, {@code X-CSRF-Token}
 * and {@code X-Anon-Id} (401 otherwise). Every call is recorded with its session. A test scripts the next answers of
 * one session: a 429, a 403 anti-bot challenge page (HTML), or an item created (or changed) whose answer never arrives.
 */
public final class FakeVinted implements AutoCloseable {

    /** A scripted answer. */
    public enum Reply { TOO_MANY_REQUESTS, CHALLENGE, CREATE_THEN_DROP, UPDATE_THEN_DROP }

    /** One recorded call. */
    public record Call(String session, String method, String path, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A logged-in user: the cookies, CSRF token and anon id the extension would read. */
    public record Login(long userId, String username, Map<String, String> cookies, String csrfToken, String anonId) {

        public String sessionCookie() {
            return cookies.get("_vinted_fr_session");
        }
    }

    /** An item stored here. */
    public record Item(long id, long userId, String title, String price, boolean closed, boolean sold) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Vinted's brands here, by id (answered in that order). */
    private static final Map<Long, String> BRANDS = new java.util.TreeMap<>(Map.of(10L, "Levi's", 1183L, "Sézane", 255L, "Maje",
            315L, "Petit Bateau", 88L, "Ralph Lauren", 170888L, "Veja", 1224L, "Uniqlo", 34567L, "Levi's Vintage Clothing"));

    /** Vinted's whole lists here, by path, as its site answers them (a few entries of each). */
    private static final Map<String, String> LISTS = Map.of(
            "/api/v2/catalogs", """
                    {"catalogs":[
                      {"id":1904,"title":"Femmes","code":"WOMEN_ROOT","catalogs":[
                        {"id":4,"title":"Vêtements","code":"WOMEN_CLOTHES","catalogs":[
                          {"id":10,"title":"Robes","code":"DRESSES","catalogs":[]},
                          {"id":1037,"title":"Manteaux et vestes","code":"OUTERWEAR","catalogs":[
                            {"id":1907,"title":"Vestes en jean","code":"DENIM_JACKETS","catalogs":[]}]}]}]},
                      {"id":5,"title":"Hommes","code":"MEN_ROOT","catalogs":[
                        {"id":2050,"title":"Vêtements","code":"MEN_CLOTHES","catalogs":[
                          {"id":257,"title":"Jeans","code":"MEN_JEANS","catalogs":[]}]}]}]}""",
            "/api/v2/size_groups", """
                    {"size_groups":[
                      {"id":4,"caption":"Lettres","description":"Femmes · Hauts et robes","sizes":[
                        {"id":2,"title":"XS"},{"id":3,"title":"S"},{"id":4,"title":"M"},{"id":5,"title":"L"}]},
                      {"id":7,"caption":"Pointures","description":"Chaussures femmes","sizes":[
                        {"id":55,"title":"38"},{"id":56,"title":"39"}]}]}""",
            "/api/v2/statuses", """
                    {"statuses":[{"id":6,"title":"Neuf avec étiquette"},{"id":1,"title":"Neuf sans étiquette"},
                      {"id":2,"title":"Très bon état"},{"id":3,"title":"Bon état"},{"id":4,"title":"Satisfaisant"}]}""",
            "/api/v2/colors", """
                    {"colors":[{"id":1,"title":"Noir","hex":"000000","code":"BLACK"},
                      {"id":9,"title":"Bleu","hex":"007BC4","code":"BLUE"},
                      {"id":12,"title":"Blanc","hex":"FFFFFF","code":"WHITE"},
                      {"id":27,"title":"Bleu marine","hex":"2B3A67","code":"NAVY"}]}""");
    private static final Pattern SESSION = Pattern.compile("_vinted_fr_session=([^;]+)");
    private static FakeVinted shared;

    private final HttpServer server;
    private final Map<String, Login> sessions = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<Long, Item> items = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(4_000_000_000L);
    private final AtomicLong users = new AtomicLong(90_000_000L);

    private FakeVinted() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The one fake of this JVM. */
    public static synchronized FakeVinted shared() {
        if (shared == null) {
            try {
                shared = new FakeVinted();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new user logged in here, with a session of its own. */
    public Login login(String username) {
        String session = "sess-" + UUID.randomUUID();
        Map<String, String> cookies = new LinkedHashMap<>();
        cookies.put("_vinted_fr_session", session);
        cookies.put("access_token_web", "atw-" + UUID.randomUUID());
        cookies.put("anon_id", "anon-" + UUID.randomUUID());
        Login login = new Login(users.incrementAndGet(), username, cookies, "csrf-" + UUID.randomUUID(),
                cookies.get("anon_id"));
        sessions.put(session, login);
        return login;
    }

    /** The next answers to this user's calls, in order, before the normal ones. */
    public void script(Login login, Reply... replies) {
        scripts.computeIfAbsent(login.sessionCookie(), s -> new ConcurrentLinkedQueue<>()).addAll(List.of(replies));
    }

    /** The calls made with this user's session, in order. */
    public List<Call> calls(Login login) {
        return calls.stream().filter(c -> login.sessionCookie().equals(c.session())).toList();
    }

    /** The items created by this user (not deleted). */
    public List<Item> items(Login login) {
        return items.values().stream().filter(i -> i.userId() == login.userId()).toList();
    }

    /** Vinted says the item was sold. */
    public void sell(long itemId) {
        items.computeIfPresent(itemId, (id, i) -> new Item(id, i.userId(), i.title(), i.price(), true, true));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            Matcher m = cookie == null ? null : SESSION.matcher(cookie);
            String session = m != null && m.find() ? m.group(1) : null;
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(session, method, exchange.getRequestURI().toString(), headers, body));
            Login login = session == null ? null : sessions.get(session);
            String csrf = headers.get("x-csrf-token");
            String anon = headers.get("x-anon-id");
            if (login == null || csrf == null || !csrf.equals(login.csrfToken()) || anon == null || anon.isBlank()) {
                send(exchange, 401, "application/json", "{\"code\":100,\"message\":\"Unauthorized\"}");
                return;
            }
            Reply scripted = scripts.getOrDefault(session, new ConcurrentLinkedQueue<>()).poll();
            if (scripted == Reply.TOO_MANY_REQUESTS) {
                send(exchange, 429, "application/json", "{\"code\":106,\"message\":\"Too many requests\"}");
                return;
            }
            if (scripted == Reply.CHALLENGE) {
                send(exchange, 403, "text/html", "<html><head><title>vinted.fr</title></head><body>"
                        + "<script src=\"https://ct.captcha-delivery.com/c.js\"></script>"
                        + "<p>Please enable JS and disable any ad blocker (DataDome captcha)</p></body></html>");
                return;
            }
            route(exchange, login, method, path, body, scripted);
        }
    }

    private void route(HttpExchange exchange, Login login, String method, String path, String body, Reply scripted)
            throws IOException {
        boolean drop = scripted == Reply.CREATE_THEN_DROP;
        Matcher item;
        if ("GET".equals(method) && LISTS.containsKey(path)) {
            send(exchange, 200, "application/json", LISTS.get(path));
        } else if ("GET".equals(method) && path.equals("/api/v2/brands")) {
            String query = exchange.getRequestURI().getRawQuery();
            String keyword = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^.*keyword=", "")
                    .replaceFirst("&.*$", ""), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            List<Map<String, Object>> brands = BRANDS.entrySet().stream()
                    .filter(b -> b.getValue().toLowerCase(java.util.Locale.ROOT).contains(keyword))
                    .map(b -> Map.<String, Object>of("id", b.getKey(), "title", b.getValue(),
                            "slug", b.getValue().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                            "is_luxury", false))
                    .toList();
            send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("brands", brands,
                    "pagination", Map.of("current_page", 1, "total_entries", brands.size()))));
        } else if ("GET".equals(method) && path.equals("/api/v2/users/current")) {
            send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("user",
                    Map.of("id", login.userId(), "login", login.username()))));
        } else if ("POST".equals(method) && path.equals("/api/v2/photos")) {
            long id = ids.incrementAndGet();
            send(exchange, 200, "application/json", "{\"id\":" + id + ",\"url\":\"https://images.fake/" + id + ".jpg\"}");
        } else if ("POST".equals(method) && path.equals("/api/v2/item_upload/items")) {
            JsonNode request = JSON.readTree(body);
            JsonNode fields = request.path("item");
            if (fields.path("title").asString("").isBlank() || request.path("upload_session_id").asString("").isBlank()) {
                send(exchange, 422, "application/json", "{\"code\":99,\"message\":\"title is missing\"}");
                return;
            }
            long id = ids.incrementAndGet();
            items.put(id, new Item(id, login.userId(), fields.path("title").asString(),
                    fields.path("price").asString(), false, false));
            if (drop) {
                return; // the item exists, but its answer never arrives: the client sees the connection close
            }
            send(exchange, 200, "application/json", "{\"item\":{\"id\":" + id + ",\"title\":"
                    + JSON.writeValueAsString(fields.path("title").asString()) + "}}");
        } else if ("PUT".equals(method) && (item = Pattern.compile("/api/v2/item_upload/items/(\\d+)").matcher(path)).matches()) {
            Item found = items.get(Long.parseLong(item.group(1)));
            if (found == null || found.userId() != login.userId()) {
                send(exchange, 404, "application/json", "{\"code\":404}");
                return;
            }
            JsonNode fields = JSON.readTree(body).path("item");
            items.put(found.id(), new Item(found.id(), found.userId(), fields.path("title").asString(found.title()),
                    fields.path("price").asString(found.price()), found.closed(), found.sold()));
            if (scripted == Reply.UPDATE_THEN_DROP) {
                return; // changed, but the answer never arrives
            }
            send(exchange, 200, "application/json", "{\"item\":{\"id\":" + found.id() + "}}");
        } else if ("POST".equals(method) && (item = Pattern.compile("/api/v2/items/(\\d+)/delete").matcher(path)).matches()) {
            Item found = items.get(Long.parseLong(item.group(1)));
            if (found == null || found.userId() != login.userId()) {
                send(exchange, 404, "application/json", "{\"code\":404}");
                return;
            }
            items.remove(found.id());
            send(exchange, 200, "application/json", "{\"code\":0}");
        } else if ("GET".equals(method) && (item = Pattern.compile("/api/v2/items/(\\d+)").matcher(path)).matches()) {
            Item found = items.get(Long.parseLong(item.group(1)));
            if (found == null) {
                send(exchange, 404, "application/json", "{\"code\":404}");
                return;
            }
            send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("item", view(found))));
        } else if ("GET".equals(method) && (item = Pattern.compile("/api/v2/wardrobe/(\\d+)/items").matcher(path)).matches()) {
            long user = Long.parseLong(item.group(1));
            List<Map<String, Object>> list = new ArrayList<>();
            items.values().stream().filter(i -> i.userId() == user).forEach(i -> list.add(view(i)));
            send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("items", list,
                    "pagination", Map.of("current_page", 1, "total_entries", list.size()))));
        } else {
            send(exchange, 404, "application/json", "{\"code\":404,\"message\":\"not found\"}");
        }
    }

    private static Map<String, Object> view(Item i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", i.id());
        view.put("title", i.title());
        view.put("price", Map.of("amount", i.price(), "currency_code", "EUR"));
        view.put("is_closed", i.closed());
        view.put("is_reserved", false);
        view.put("is_hidden", false);
        view.put("status", i.sold() ? "sold" : "active");
        return view;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Points the shared integration context at the shared fake, without spacing, with jobs run by the tests. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-vinted", Map.of(
                    "comptoir.channels.vinted.base-url", shared().baseUrl(),
                    "comptoir.channels.vinted.timeout", "5s",
                    "comptoir.channels.vinted.spacing-min", "0s",
                    "comptoir.channels.vinted.spacing-max", "0s",
                    "comptoir.channels.jobs.background", "false",
                    // the role and fuzz tests claim wrong codes from this machine's address too
                    "comptoir.channels.pairing.failures-per-address", "100000")));
        }
    }
}
