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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * What every benchmark of this folder shares: its options, the JDK {@code HttpClient} calls of the set-up
 * (sign-in, reading ids), the keep-alive socket client that does the measured requests, the measuring loop
 * of GET scenarios and the percentiles. Not a program of its own: the JDK 22+ source launcher compiles it
 * with the benchmark that uses it ({@code java bench/CatalogBench.java ...}), no build and no dependency.
 */
public final class BenchClient {

    private BenchClient() {
    }

    /** The options given on the command line over the defaults, and what every benchmark reads from them. */
    record Setup(Map<String, String> options, String base, int clients, Duration duration, Duration warmup,
                 HttpClient http) {

        /** {@code --name value} pairs over the defaults; {@code --help} prints them and exits. */
        static Setup of(String[] args, Map<String, String> defaults) {
            Map<String, String> options = new LinkedHashMap<>(defaults);
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                StringBuilder usage = new StringBuilder("options (with their defaults):");
                new java.util.TreeMap<>(options).forEach((name, value) -> usage.append(" --").append(name).append(' ').append(value));
                System.out.println(usage);
                System.exit(0);
            }
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Setup(options, options.get("base").replaceAll("/$", ""), Integer.parseInt(options.get("clients")),
                    Duration.ofSeconds(Long.parseLong(options.get("duration"))),
                    Duration.ofSeconds(Long.parseLong(options.get("warmup"))),
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    /** One measured GET scenario: requests, errors (status other than 200) and the sorted latencies. */
    record Result(String name, long requests, long errors, double seconds, long[] latenciesNanos) {

        double percentile(double p) {
            return BenchClient.percentile(latenciesNanos, p);
        }

        void print() {
            System.out.printf("%-52s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d errors)%n",
                    name, requests / seconds, percentile(50), percentile(90), percentile(99),
                    latenciesNanos.length == 0 ? Double.NaN : latenciesNanos[latenciesNanos.length - 1] / 1e6,
                    requests, errors);
        }
    }

    /** The p-th percentile of sorted nanoseconds, in milliseconds (NaN when there is none). */
    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    /** The latencies of every client, in one sorted array. */
    static long[] sortedConcat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(part -> part.length).sum()];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        return all;
    }

    /** Latencies of one client, in a growing array (no boxing, no lock). */
    static final class Latencies {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * Runs a GET scenario: {@code clients} virtual threads, each on its own keep-alive connection, send the
     * next request (the URI {@code uris} gives for a random number) as soon as the previous one has answered,
     * for {@code duration}. A run named {@code warm-up} prints its request count.
     */
    static Result run(String token, String name, IntFunction<String> uris, int clients, Duration duration)
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
                    Latencies latencies = new Latencies();
                    try (Connection connection = new Connection(token, false)) {
                        while (running.get()) {
                            URI uri = URI.create(uris.apply(random.nextInt(1 << 20)));
                            long t0 = System.nanoTime();
                            int status = connection.get(uri);
                            long elapsed = System.nanoTime() - t0;
                            if (status != 200) {
                                errors[client]++;
                            }
                            latencies.add(elapsed);
                        }
                    }
                    return latencies.toArray();
                }));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        long[] all = sortedConcat(parts);
        Result result = new Result(name, all.length, Arrays.stream(errors).sum(), seconds, all);
        if (name.equals("warm-up")) {
            System.out.printf("warm-up: %d requests%n", all.length);
        }
        return result;
    }

    /**
     * One keep-alive HTTP/1.1 connection, as light as a load generator should be (the JDK's HttpClient
     * costs about as much CPU per request as the server does, and both share this machine's cores): it
     * sends a request with the bearer token and reads the whole answer (Content-Length or chunked),
     * returning the status; with {@code keepBody}, the answer's body is kept in {@link #body}, otherwise
     * it is skipped.
     */
    static final class Connection implements AutoCloseable {
        private final String token;
        private final boolean keepBody;
        private final byte[] buffer = new byte[64 * 1024];
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        /** The last answer's body, when kept. */
        String body;

        Connection(String token, boolean keepBody) {
            this.token = token;
            this.keepBody = keepBody;
        }

        /** A GET of the URI (its path and query, on its host). */
        int get(URI uri) throws IOException {
            return send(uri, "GET", null);
        }

        /**
         * A request to {@code base}'s host with the given path; a JSON body when {@code json} is given (a
         * request other than GET without one says Content-Length 0).
         */
        int send(URI base, String method, String path, String json) throws IOException {
            return send(URI.create(base.getScheme() + "://" + base.getRawAuthority() + path), method, json);
        }

        /** A POST of a JSON body to the URI, with more header lines ({@code "Name: value\r\n"} each, or ""). */
        int post(URI uri, String json, String headers) throws IOException {
            return exchange(uri, "POST", json, headers);
        }

        private int send(URI uri, String method, String json) throws IOException {
            return exchange(uri, method, json, "");
        }

        private int exchange(URI uri, String method, String json, String headers) throws IOException {
            if (socket == null) {
                socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n" + headers;
            if (json == null && method.equals("GET")) {
                out.write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] payload = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
                out.write((head + "Content-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(payload);
            }
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            content.reset();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    read(size);
                    line();
                }
                line();
            } else if (length > 0) {
                read(length);
            }
            if (keepBody) {
                body = content.toString(StandardCharsets.UTF_8);
            }
            if (close) {
                close();
            }
            return status;
        }

        private void read(long count) throws IOException {
            while (count > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
                if (read < 0) {
                    throw new EOFException();
                }
                if (keepBody) {
                    content.write(buffer, 0, read);
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

    /** Signs in with the JSON API and returns the access token. */
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

    /** A GET for the set-up, which must answer 200. */
    static String get(HttpClient http, String uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A JSON POST for the set-up or a side load, which must answer 2xx. */
    static String post(HttpClient http, String uri, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first value of a JSON field, read without a JSON library (a string's content or a number). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }
}
