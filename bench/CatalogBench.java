import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the catalog API against a running Comptoir (the demo garden shop's ≈1000
 * products and ≈10 000 variants). JDK 21+ only, no dependency:
 *
 * <pre>
 * java bench/CatalogBench.java --base http://localhost:8080 [--clients 16] [--duration 60] [--warmup 30]
 *      [--scenarios list,detail]
 * </pre>
 *
 * It signs in as the demo administrator, then, with N concurrent clients (virtual threads, each with
 * its own keep-alive connection, sending its next request when the previous one has answered),
 * measures for the given duration:
 * <ol>
 *   <li>{@code GET /api/v1/products} with a search text, two filters (a department, which includes its
 *       sub-categories, and status) and a sort, with the facet counts (the default);</li>
 *   <li>{@code GET /api/v1/products/{id}} for random products.</li>
 * </ol>
 * and prints requests per second and p50/p90/p99/max latency for each. The list rotates over 56
 * searches (14 texts, one with a typo, × 4 sorts). To measure without the per-node list cache, start
 * Comptoir with {@code COMPTOIR_CATALOG_LIST_CACHE_TTL=0}.
 */
public class CatalogBench {

    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, index))] / 1e6;
        }

        void print() {
            System.out.printf("%-52s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d errors)%n",
                    name, requests / seconds, percentile(50), percentile(90), percentile(99),
                    latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6,
                    requests, errors);
        }
    }

    static final String[][] SEARCHES = {
            {"arrosoir", "Arrosage"}, {"tuyau", "Arrosage"}, {"arosoir", "Arrosage"}, {"pot terre cuite", "Pots et jardinières"},
            {"jardiniere", "Pots et jardinières"}, {"gants", "Vêtements et protection"}, {"bottes", "Vêtements et protection"},
            {"secateur", "Outillage à main"}, {"lavande", "Plantes"}, {"rosier", "Plantes"}, {"terreau", "Terreaux et engrais"},
            {"parasol", "Mobilier de jardin"}, {"table", "Mobilier de jardin"}, {"solaire", "Éclairage et décoration"}};
    static final String[] SORTS = {"relevance", "price", "-price", "name"};

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "16",
                "duration", "60", "warmup", "30", "email", "admin@jardin-des-lilas.demo", "password", "comptoir-demo-2026",
                "scenarios", "list,detail"));
        Setup setup = Setup.of(args, defaults);
        Map<String, String> options = setup.options();
        String base = setup.base();
        int clients = setup.clients();
        Duration duration = setup.duration();
        Duration warmup = setup.warmup();
        HttpClient http = setup.http();

        String token = login(http, base, options.get("email"), options.get("password"));
        String tree = get(http, base + "/api/v1/categories/all", token);
        Map<String, String> departments = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"([^\"]*)\",\"parentId\":null").matcher(tree);
        while (m.find()) {
            departments.put(m.group(2), m.group(1));
        }
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            String body = get(http, base + "/api/v1/products?size=200&facets=false&sort=name&page=" + page, token);
            Matcher idm = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\"").matcher(body);
            int before = ids.size();
            while (idm.find()) {
                ids.add(idm.group(1));
            }
            if (ids.size() == before) {
                break;
            }
        }
        String variants = get(http, base + "/api/v1/variants?size=1", token);
        System.out.printf("Catalog: %d products, %s variants, %d departments; %d clients, %d s per scenario (after %d s warm-up)%n",
                ids.size(), field(variants, "total"), departments.size(), clients, duration.toSeconds(), warmup.toSeconds());
        if (ids.isEmpty() || departments.isEmpty()) {
            throw new IllegalStateException("No catalog: start Comptoir with an empty data directory so the demo shop is created");
        }

        List<String> listUris = new ArrayList<>();
        for (String[] search : SEARCHES) {
            for (String sort : SORTS) {
                listUris.add(base + "/api/v1/products?q=" + URLEncoder.encode(search[0], StandardCharsets.UTF_8)
                        + "&category=" + departments.get(search[1]) + "&status=ACTIVE&sort=" + sort);
            }
        }
        IntFunction<String> list = i -> listUris.get(i % listUris.size());
        IntFunction<String> detail = i -> base + "/api/v1/products/" + ids.get(i % ids.size());

        List<String> scenarios = List.of(options.get("scenarios").split(","));
        List<Result> results = new ArrayList<>();
        if (scenarios.contains("list")) {
            run(http, token, "warm-up", list, clients, warmup);
            results.add(run(http, token, "GET /api/v1/products?q=&category=&status=&sort=", list, clients, duration));
        }
        if (scenarios.contains("detail")) {
            run(http, token, "warm-up", detail, clients, warmup);
            results.add(run(http, token, "GET /api/v1/products/{id}", detail, clients, duration));
        }
        System.out.println();
        results.forEach(Result::print);
    }

    /** The options given on the command line over the defaults, and what every benchmark reads from them. */
    record Setup(Map<String, String> options, String base, int clients, Duration duration, Duration warmup,
                 HttpClient http) {

        static Setup of(String[] args, Map<String, String> defaults) {
            Map<String, String> options = new LinkedHashMap<>(defaults);
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Setup(options, options.get("base").replaceAll("/$", ""), Integer.parseInt(options.get("clients")),
                    Duration.ofSeconds(Long.parseLong(options.get("duration"))),
                    Duration.ofSeconds(Long.parseLong(options.get("warmup"))),
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    static Result run(HttpClient http, String token, String name, IntFunction<String> uris, int clients, Duration duration)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        long[] errors = new long[clients];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    try (Connection connection = new Connection(token)) {
                        while (running.get()) {
                            URI uri = URI.create(uris.apply(random.nextInt(1 << 20)));
                            long t0 = System.nanoTime();
                            int status = connection.get(uri);
                            long elapsed = System.nanoTime() - t0;
                            if (status != 200) {
                                errors[client]++;
                            }
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = elapsed;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        Arrays.sort(all);
        Result result = new Result(name, all.length, Arrays.stream(errors).sum(), seconds, all);
        if (name.equals("warm-up")) {
            System.out.printf("warm-up: %d requests%n", all.length);
        }
        return result;
    }

    /**
     * One keep-alive HTTP/1.1 connection, as light as a load generator should be (the JDK's HttpClient
     * costs about as much CPU per request as the server does, and both share this machine's cores):
     * it sends a GET and reads the whole answer (Content-Length or chunked), returning the status.
     */
    static final class Connection implements AutoCloseable {
        private final String token;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buffer = new byte[64 * 1024];

        Connection(String token) {
            this.token = token;
        }

        int get(URI uri) throws IOException {
            if (socket == null) {
                socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void skip(long count) throws IOException {
            while (count > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (read < 0) {
                    throw new EOFException();
                }
                count -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException();
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    static String login(HttpClient http, String base, String email, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Login failed (" + response.statusCode() + "): " + response.body());
        }
        return field(response.body(), "accessToken");
    }

    static String get(HttpClient http, String uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
