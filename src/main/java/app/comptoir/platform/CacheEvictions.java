package app.comptoir.platform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the other nodes of a cluster to forget what their per-node caches hold about a changed record, through
 * PostgreSQL {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}.
 *
 * <p>A cache registers what to do when another node changed a key ({@link #onForget}); a change calls
 * {@link #forget}: once its transaction has committed (at once without one), the cache name and key are queued, and
 * a sender thread sends what has queued up in 20 ms (each key once) in one {@code pg_notify} per 7,000 bytes,
 * prefixed with this node's id so that this node ignores its own messages. A listener thread on its own connection receives them and evicts locally.
 * Both connections are opened with {@link DriverManager} from the pool's settings, outside the pool: a connection
 * that waits for notifications forever would be a pool connection lost, and a request never waits for a
 * notification to be sent. So each node holds two more connections to PostgreSQL than its pool.
 *
 * <p>Delay: another node forgets some 20 to 30 milliseconds after the commit (the listener wakes on the notification),
 * documented as "within 1 second". Not guaranteed: a node that crashes between its commit and the send, or a
 * notification sent while a listener was reconnecting, is not redelivered. The listener therefore, each time it
 * has started listening, asks every cache to forget everything ({@link #onForget}'s second argument), and every cache also
 * keeps its own short window as the last resort.
 *
 * <p>With Redis configured ({@code comptoir.redis.url}), the evictions travel on its pub/sub channel of the same
 * name instead ({@link Transport}, set by the platform's wiring before start): no PostgreSQL connection is opened
 * for them, and every subscription (the first, and each after a reconnection) makes every cache forget everything.
 */
@Component
public class CacheEvictions implements SmartLifecycle {

    /** The PostgreSQL channel every node listens to. */
    public static final String CHANNEL = "comptoir_cache";

    private static final Logger log = LoggerFactory.getLogger(CacheEvictions.class);

    /** Below PostgreSQL's 8,000-byte payload limit, with room for the node id. */
    private static final int MAX_PAYLOAD = 7_000;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final int WAIT_MILLIS = 500;
    /** How long the sender gathers changes before it sends them. */
    private static final Duration GATHER = Duration.ofMillis(20);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private record Handler(Consumer<String> forgetKey, Runnable forgetAll) {
    }

    /** Another way than PostgreSQL for the evictions to travel between nodes (Redis pub/sub). */
    public interface Transport {

        /** Sends a payload to every node (this one included: it ignores its own); throws when it cannot. */
        void publish(String payload);

        /**
         * Delivers every payload published by any node to {@code receiver} from now on, retrying in the background
         * while it cannot; {@code subscribed} runs each time the subscription starts (again).
         */
        void subscribe(Consumer<String> receiver, Runnable subscribed);

        /** Whether payloads are being received right now. */
        boolean subscribed();
    }

    private final String nodeId = UUID.randomUUID().toString().substring(0, 8);
    private final boolean enabled;
    private final DataSource dataSource;
    private final Map<String, List<Handler>> handlers = new ConcurrentHashMap<>();
    private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(100_000);
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Transport transport;

    CacheEvictions(DataSource dataSource, @Value("${comptoir.cluster.cache-notifications:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /** Evictions of a node alone (the setting off, or a unit test): nothing is sent, nothing is listened to. */
    public static CacheEvictions alone() {
        return new CacheEvictions(null, false);
    }

    /**
     * What this node does when another node changed a key of the cache: {@code forgetKey} gets the key;
     * {@code forgetAll} runs when notifications may have been missed (the listener reconnected).
     */
    public void onForget(String cache, Consumer<String> forgetKey, Runnable forgetAll) {
        handlers.computeIfAbsent(cache, c -> new CopyOnWriteArrayList<>()).add(new Handler(forgetKey, forgetAll));
    }

    /** Tells the other nodes to forget the key of the cache once the current transaction commits (at once without one). */
    public void forget(String cache, String key) {
        if (!enabled) {
            return;
        }
        if (cache.indexOf('\t') >= 0 || cache.indexOf('\n') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A cache name or key with a tab or a line break: " + cache);
        }
        String line = cache + '\t' + key;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue(line);
                }
            });
        } else {
            queue(line);
        }
    }

    /** Carries the evictions through {@code transport} instead of PostgreSQL; called before {@link #start()}. */
    public void carryThrough(Transport transport) {
        this.transport = transport;
    }

    /** This node's id in the notifications it sends. */
    public String nodeId() {
        return nodeId;
    }

    /** Whether this node listens to the other nodes right now (false while it reconnects). */
    public boolean listening() {
        Transport other = transport;
        return other != null ? other.subscribed() : listening;
    }

    private void queue(String line) {
        if (!outgoing.offer(line)) {
            log.warn("Cache evictions not sent to the other nodes: queue full (they forget after their cache window)");
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        if (transport != null) {
            transport.subscribe(this::receive, this::forgetEverything);
        } else {
            threads.add(Thread.ofPlatform().daemon().name("cache-evictions-listener").start(this::listen));
        }
        threads.add(Thread.ofPlatform().daemon().name("cache-evictions-sender").start(this::send));
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        open.forEach(CacheEvictions::closeQuietly);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                open.add(connection);
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                // What the others sent while this node was not listening yet (or any more) is lost: forget
                // everything instead (at start-up, the little cached before the first LISTEN).
                forgetEverything();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                        // A connection cut without a word (a firewall's idle timeout) only shows when used.
                        statement.execute("select 1");
                        checked = System.nanoTime();
                    }
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            receive(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                open.removeIf(CacheEvictions::closed);
                if (running) {
                    log.warn("Listening to the other nodes' cache evictions failed; listening again in {}",
                            RECONNECT_AFTER, e);
                    pause();
                }
            }
        }
        listening = false;
    }

    private void forgetEverything() {
        handlers.values().forEach(list -> list.forEach(h -> run(h.forgetAll())));
    }

    private void receive(String payload) {
        int firstLine = payload.indexOf('\n');
        if (firstLine < 0 || payload.substring(0, firstLine).equals(nodeId)) {
            return;
        }
        for (String line : payload.substring(firstLine + 1).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                List<Handler> list = handlers.get(line.substring(0, tab));
                if (list != null) {
                    String key = line.substring(tab + 1);
                    list.forEach(h -> run(() -> h.forgetKey().accept(key)));
                }
            }
        }
    }

    private void send() {
        Connection connection = null;
        while (running) {
            try {
                String next = outgoing.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    continue;
                }
                // Gather what the next moments bring: a busy node sends one notification per GATHER, not one per
                // change (every order moves a few keys, and each notification wakes every node's listener).
                Thread.sleep(GATHER.toMillis());
                Set<String> lines = new LinkedHashSet<>();
                lines.add(next);
                List<String> more = new ArrayList<>();
                outgoing.drainTo(more);
                lines.addAll(more);
                Transport other = transport;
                if (other != null) {
                    payloads(lines).forEach(other::publish);
                    continue;
                }
                if (connection == null || connection.isClosed()) {
                    open.removeIf(CacheEvictions::closed);
                    connection = connect();
                    open.add(connection);
                }
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                    for (String payload : payloads(lines)) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, payload);
                        notify.execute();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Cache evictions not sent to the other nodes (they forget after their cache window)", e);
                    closeQuietly(connection);
                    connection = null;
                    pause();
                }
            }
        }
        closeQuietly(connection);
    }

    private List<String> payloads(Set<String> lines) {
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder(nodeId);
        int bytes = 0;
        for (String line : lines) {
            int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > 0 && bytes + size > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload = new StringBuilder(nodeId);
                bytes = 0;
            }
            payload.append('\n').append(line);
            bytes += size;
        }
        payloads.add(payload.toString());
        return payloads;
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "comptoir cache evictions " + nodeId);
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("A cache could not forget an entry another node changed", e);
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a cache evictions connection", e);
            }
        }
    }
}
