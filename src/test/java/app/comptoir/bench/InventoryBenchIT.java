package app.comptoir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import app.comptoir.support.Account;
import app.comptoir.support.Api;
import app.comptoir.support.IntegrationTest;

/**
 * The inventory benchmark of {@code bench/README.md}: reservations per second with 64 concurrent HTTP
 * clients on one hot variant and on 1000 spread variants, movements per second, and the oversell count
 * when 64 clients race for the last units. Runs only with {@code -Dbench=true} (see bench/inventory.sh).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InventoryBenchIT {

    static final int CLIENTS = 64;
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 8));
    static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 15));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final StringBuilder cpu = new StringBuilder();

    @Test
    void reservationsAndMovementsPerSecond() throws Exception {
        Account admin = Api.newBusiness(port, "Bench");
        List<String> spread = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            List<String> sizes = IntStream.range(0, 25).mapToObj(i -> "T" + i).toList();
            List<String> colours = IntStream.range(0, 20).mapToObj(i -> "C" + i).toList();
            spread.addAll(Api.as(port, admin).body(Map.of("name", "Produit " + p, "vatRate", 20, "baseSku", "B" + p,
                            "price", new BigDecimal("5.00"), "options", List.of(Map.of("name", "Taille", "values", sizes),
                                    Map.of("name", "Couleur", "values", colours))))
                    .post("/api/v1/products").then().statusCode(201).extract().jsonPath().getList("variants.id"));
        }
        String hot = spread.getFirst();
        String token = admin.accessToken();
        Connection setup = connection(token);
        for (String v : spread) {
            post(token, "/api/v1/stocks/movements", json(v, "RECEIPT", 1_000_000));
        }
        warmUp(token, spread);

        double hotRate = run("hot", token, () -> reservation(hot));
        double spreadRate = run("spread", token,
                () -> reservation(spread.get(ThreadLocalRandom.current().nextInt(spread.size()))));
        double movementRate = run("movements", token, () -> {
            String v = spread.get(ThreadLocalRandom.current().nextInt(spread.size()));
            return new Call("/api/v1/stocks/movements", json(v, ThreadLocalRandom.current().nextBoolean() ? "RECEIPT" : "ISSUE", 1));
        });

        // Oversell: 64 clients race for the last 500 units of a fresh variant, one unit at a time.
        String last = spread.get(1);
        post(token, "/api/v1/stocks/count", "{\"variantId\":\"" + last + "\",\"countedQuantity\":500}");
        int stock = Api.as(port, admin).get("/api/v1/stocks/" + last).then().extract().path("available");
        AtomicInteger won = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    int refused = 0;
                    try (Connection ignored = connection(token)) {
                    while (refused < 3) {
                        int status = post(token, "/api/v1/stocks/reservations", reservation(last).body());
                        if (status == 201) {
                            won.incrementAndGet();
                        } else {
                            refused++;
                        }
                    }
                    }
                    return null;
                });
            }
        }
        setup.close();
        int oversold = Math.max(0, won.get() - stock);
        String result = String.format(Locale.ROOT, """
                Inventory benchmark (%d HTTP clients, %d s per scenario, embedded PostgreSQL, JWT auth)
                  reservations/s, one hot variant : %.0f
                  reservations/s, 1000 variants   : %.0f
                  movements/s, 1000 variants      : %.0f
                  oversell: %d reserved of %d available, oversold = %d
                CPU per request (ms; app = test JVM minus the client threads, PostgreSQL = its processes):
                %s""", CLIENTS, RUN.toSeconds(), hotRate, spreadRate, movementRate, won.get(), stock, oversold, cpu);
        System.out.println(result);
        Files.writeString(Path.of("target", "inventory-bench.txt"), result);
        assertThat(oversold).isZero();
    }

    record Call(String path, String body) {
    }

    interface Scenario {
        Call next();
    }

    private static Call reservation(String variant) {
        return new Call("/api/v1/stocks/reservations",
                "{\"lines\":[{\"variantId\":\"" + variant + "\",\"quantity\":1}]}");
    }

    /** Lets the JIT compile the request path first (its CPU would otherwise count in the first scenario). */
    private void warmUp(String token, List<String> spread) throws Exception {
        run("warm-up", token, WARM_UP,
                () -> reservation(spread.get(ThreadLocalRandom.current().nextInt(spread.size()))));
        cpu.setLength(0);
    }

    private double run(String name, String token, Scenario scenario) throws Exception {
        return run(name, token, RUN, scenario);
    }

    private double run(String name, String token, Duration duration, Scenario scenario) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong clientCpu = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processCpu = processCpuNanos();
        long postgresCpu = postgresCpuNanos();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    long own = threads.getCurrentThreadCpuTime();
                    try (Connection ignored = connection(token)) {
                        while (System.nanoTime() < end) {
                            Call call = scenario.next();
                            int status = post(token, call.path(), call.body());
                            if (status == 201) {
                                done.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    }
                    clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - own);
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double requests = Math.max(1, done.get() + failed.get());
        double client = clientCpu.get() / 1e6 / requests;
        double app = (processCpuNanos() - processCpu) / 1e6 / requests - client;
        double postgres = (postgresCpuNanos() - postgresCpu) / 1e6 / requests;
        cpu.append(String.format(Locale.ROOT, "  %-9s app %.2f, PostgreSQL %.2f, client %.2f%n", name, app, postgres,
                client));
        assertThat(failed.get()).isZero();
        return done.get() / seconds;
    }

    private Connection connection(String token) {
        Connection connection = new Connection(port, token);
        connections.set(connection);
        return connection;
    }

    private int post(String token, String path, String body) throws IOException {
        Connection connection = connections.get();
        if (connection == null) {
            try (Connection once = new Connection(port, token)) {
                return once.post(path, body);
            }
        }
        return connection.post(path, body);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU used so far by this database's server processes (those pg_stat_activity lists), from /proc. */
    private long postgresCpuNanos() {
        long ticks = 0;
        for (Integer pid : jdbc.queryForList("select pid from pg_stat_activity", Integer.class)) {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                // A process that ended meanwhile: its CPU is lost to the figure, which stays a lower bound.
            }
        }
        return ticks * 10_000_000L;
    }

    /**
     * One keep-alive HTTP/1.1 connection per client, as light as a load generator should be: the JDK
     * HttpClient cost about 1 ms of CPU per request on this 2-core machine, as much as the server.
     * It posts JSON and reads the whole answer (Content-Length or chunked), returning the status.
     */
    static final class Connection implements AutoCloseable {
        private final int port;
        private final String token;
        private final byte[] buffer = new byte[16 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(int port, String token) {
            this.port = port;
            this.token = token;
        }

        int post(String path, String body) throws IOException {
            if (socket == null) {
                socket = new Socket("localhost", port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), buffer.length);
                out = socket.getOutputStream();
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            int status = Integer.parseInt(line().substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:")) {
                    chunked = lower.contains("chunked");
                } else if (lower.startsWith("connection:")) {
                    close = lower.contains("close");
                }
            }
            if (chunked) {
                for (long size = chunk(); size > 0; size = chunk()) {
                    skip(size + 2);
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

        private long chunk() throws IOException {
            return Long.parseLong(line().split(";")[0].trim(), 16);
        }

        private void skip(long count) throws IOException {
            for (long left = count; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new EOFException();
                }
                left -= read;
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

    private static String json(String variant, String type, int quantity) {
        return "{\"variantId\":\"" + variant + "\",\"type\":\"" + type + "\",\"quantity\":" + quantity + "}";
    }
}
