import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order placement benchmark of the sales API against a running Comptoir with the demo garden shop
 * ({@code jardin-des-lilas}: ≈10 000 variants, stocked). JDK 21+ only, no dependency:
 *
 * <pre>
 * java bench/SalesBench.java --base http://localhost:8080 [--clients 32] [--duration 60] [--warmup 15]
 *      [--variants 2000]
 * </pre>
 *
 * It signs in as the demo administrator, picks the variants that have stock at the shop (at most
 * {@code --variants}) and a demo customer, then N concurrent clients (virtual threads, one keep-alive
 * connection each) place orders back to back: {@code POST /api/v1/orders} with 3 lines (3 different random
 * variants, 1 unit each, the customer's default delivery address) then {@code POST /api/v1/orders/{id}/confirm}
 * (which reserves the stock, all or nothing). It prints confirmed orders per second, the p50/p90/p99/max of
 * the whole placement (create + confirm) and of each call, the refusals for lack of stock, and the
 * oversell check: for every variant used, the growth of its reserved quantity must equal the units of the
 * confirmed orders, and no variant may end with less than nothing available.
 */
public class SalesBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("base", "http://localhost:8080", "clients", "32",
                "duration", "60", "warmup", "15", "email", "admin@jardin-des-lilas.demo", "password", "comptoir-demo-2026",
                "variants", "2000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = options.get("base").replaceAll("/$", "");
        int clients = Integer.parseInt(options.get("clients"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("duration")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("warmup")));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = login(http, base, options.get("email"), options.get("password"));

        String customer = field(get(http, base + "/api/v1/customers?size=1", token), "id");
        String shop = null;
        Matcher loc = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"isDefault\":true").matcher(
                get(http, base + "/api/v1/stocks/locations", token));
        if (loc.find()) {
            shop = loc.group(1);
        }
        // Variants for sale (active, of an active product)...
        java.util.Set<String> forSale = new java.util.HashSet<>();
        Pattern sellable = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"productId\"[^{}]*?\"productStatus\":\"ACTIVE\""
                + "[^{}]*?\\{[^{}]*}[^{}]*?\"active\":true");
        for (int page = 0; ; page++) {
            String body = get(http, base + "/api/v1/variants?size=200&page=" + page, token);
            Matcher m = sellable.matcher(body);
            while (m.find()) {
                forSale.add(m.group(1));
            }
            if (body.contains("\"items\":[]") || page > 500) {
                break;
            }
        }
        // ... with at least 3 units available at the shop (where orders reserve).
        Map<String, Integer> available = new LinkedHashMap<>();
        int wanted = Integer.parseInt(options.get("variants"));
        Pattern level = Pattern.compile("\\{\"variantId\":\"([0-9a-f-]{36})\"[^{}]*?\"available\":(-?\\d+)");
        for (int page = 0; available.size() < wanted; page++) {
            String body = get(http, base + "/api/v1/stocks?size=200&page=" + page
                    + (shop == null ? "" : "&locationId=" + shop), token);
            Matcher m = level.matcher(body);
            int seen = 0;
            while (m.find()) {
                seen++;
                if (Integer.parseInt(m.group(2)) >= 3 && forSale.contains(m.group(1)) && available.size() < wanted) {
                    available.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            }
            if (seen == 0) {
                break;
            }
        }
        List<String> variants = new ArrayList<>(available.keySet());
        if (variants.size() < 3) {
            throw new IllegalStateException("No stocked catalog: start Comptoir on an empty data directory so the demo shop is created");
        }
        Map<String, Integer> reservedBefore = reserved(http, base, token, variants);
        System.out.printf("Order placement: %d stocked variants (%d units available), %d clients, %d s (after %d s warm-up)%n",
                variants.size(), available.values().stream().mapToInt(Integer::intValue).sum(), clients,
                duration.toSeconds(), warmup.toSeconds());

        Map<String, Integer> confirmedUnits = new ConcurrentHashMap<>();
        run(base, token, customer, variants, clients, warmup, confirmedUnits, true);
        Run measured = run(base, token, customer, variants, clients, duration, confirmedUnits, false);
        System.out.println();
        measured.print();

        Map<String, Integer> reservedAfter = reserved(http, base, token, variants);
        long mismatched = 0;
        long negative = 0;
        for (String v : variants) {
            int grew = reservedAfter.get(v) - reservedBefore.get(v);
            if (grew != confirmedUnits.getOrDefault(v, 0)) {
                mismatched += Math.abs(grew - confirmedUnits.getOrDefault(v, 0));
            }
        }
        Pattern avail = Pattern.compile("\"available\":(-?\\d+)");
        for (String v : variants) {
            Matcher m = avail.matcher(get(http, base + "/api/v1/stocks/" + v, token));
            if (m.find() && Integer.parseInt(m.group(1)) < 0) {
                negative++;
            }
        }
        System.out.printf("oversell: %d variants below zero available, %d units of difference between reserved stock"
                + " and confirmed orders (both must be 0)%n", negative, mismatched);
    }

    record Run(long orders, long refused, long errors, double seconds, long[] placement, long[] create, long[] confirm) {

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        static String line(String name, long[] sorted) {
            return String.format("%-32s p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  max %8.2f ms", name,
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        }

        void print() {
            System.out.printf("confirmed orders: %d in %.1f s = %.0f orders/s (%d refused for lack of stock, %d errors)%n",
                    orders, seconds, orders / seconds, refused, errors);
            System.out.println(line("placement (create + confirm)", placement));
            System.out.println(line("POST /api/v1/orders", create));
            System.out.println(line("POST /api/v1/orders/{id}/confirm", confirm));
        }
    }

    static Run run(String base, String token, String customer, List<String> variants, int clients, Duration duration,
                   Map<String, Integer> confirmedUnits, boolean warmup) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        List<Future<long[][]>> futures = new ArrayList<>();
        URI uri = URI.create(base);
        Pattern id = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(client * 7919L + (warmup ? 1 : 2));
                    long[][] lat = new long[3][1 << 14];
                    int n = 0;
                    try (Connection connection = new Connection(uri, token)) {
                        while (running.get()) {
                            String[] lines = new String[3];
                            for (int i = 0; i < 3; i++) {
                                String v;
                                do {
                                    v = variants.get(random.nextInt(variants.size()));
                                } while (i > 0 && (v.equals(lines[0]) || v.equals(lines[i - 1])));
                                lines[i] = v;
                            }
                            String body = "{\"customerId\":\"" + customer + "\",\"lines\":[" + String.join(",",
                                    Arrays.stream(lines).map(v -> "{\"variantId\":\"" + v + "\",\"quantity\":1}").toList())
                                    + "]}";
                            long t0 = System.nanoTime();
                            int status = connection.send("POST", "/api/v1/orders", body);
                            long t1 = System.nanoTime();
                            if (status != 201) {
                                errors.incrementAndGet();
                                continue;
                            }
                            Matcher m = id.matcher(connection.body);
                            if (!m.find()) {
                                errors.incrementAndGet();
                                continue;
                            }
                            int confirmed = connection.send("POST", "/api/v1/orders/" + m.group(1) + "/confirm", null);
                            long t2 = System.nanoTime();
                            if (confirmed == 409) {
                                refused.incrementAndGet();
                                continue;
                            }
                            if (confirmed != 200) {
                                errors.incrementAndGet();
                                continue;
                            }
                            for (String v : lines) {
                                confirmedUnits.merge(v, 1, Integer::sum);
                            }
                            if (n == lat[0].length) {
                                for (int k = 0; k < 3; k++) {
                                    lat[k] = Arrays.copyOf(lat[k], n * 2);
                                }
                            }
                            lat[0][n] = t2 - t0;
                            lat[1][n] = t1 - t0;
                            lat[2][n] = t2 - t1;
                            n++;
                        }
                    }
                    for (int k = 0; k < 3; k++) {
                        lat[k] = Arrays.copyOf(lat[k], n);
                    }
                    return lat;
                }));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[][] all = {new long[0], new long[0], new long[0]};
        for (Future<long[][]> f : futures) {
            long[][] part = f.get();
            for (int k = 0; k < 3; k++) {
                long[] merged = Arrays.copyOf(all[k], all[k].length + part[k].length);
                System.arraycopy(part[k], 0, merged, all[k].length, part[k].length);
                all[k] = merged;
            }
        }
        for (long[] a : all) {
            Arrays.sort(a);
        }
        if (warmup) {
            System.out.printf("warm-up: %d orders confirmed, %d refused, %d errors%n", all[0].length, refused.get(),
                    errors.get());
        }
        return new Run(all[0].length, refused.get(), errors.get(), seconds, all[0], all[1], all[2]);
    }

    static Map<String, Integer> reserved(HttpClient http, String base, String token, List<String> variants) throws Exception {
        Map<String, Integer> result = new HashMap<>();
        Pattern reserved = Pattern.compile("\"reserved\":(-?\\d+)");
        for (String v : variants) {
            Matcher m = reserved.matcher(get(http, base + "/api/v1/stocks/" + v, token));
            result.put(v, m.find() ? Integer.parseInt(m.group(1)) : 0);
        }
        return result;
    }

    /** One keep-alive HTTP/1.1 connection, as light as a load generator should be; keeps the last answer's body. */
    static final class Connection implements AutoCloseable {
        private final URI base;
        private final String token;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        String body;

        Connection(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        int send(String method, String path, String json) throws IOException {
            if (socket == null) {
                socket = new Socket(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            byte[] payload = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: " + payload.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
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
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    read(size, content);
                    line();
                }
                line();
            } else if (length > 0) {
                read(length, content);
            }
            body = content.toString(StandardCharsets.UTF_8);
            if (close) {
                close();
            }
            return status;
        }

        private void read(long count, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[8192];
            while (count > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (read < 0) {
                    throw new EOFException();
                }
                to.write(buffer, 0, read);
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
