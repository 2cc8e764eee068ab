package app.comptoir.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * A real RabbitMQ broker (Debian's {@code rabbitmq-server}) run by the test as a child process: its own node name,
 * free ports (AMQP, distribution, epmd), its data and logs under {@code target/}, no plugins. It never skips: a
 * broker that is not installed or does not start fails the test with the reason and the end of its log.
 */
public final class RabbitBroker implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Path EPMD = Path.of("/usr/lib/erlang/bin/epmd");

    private final Path base;
    private final String node;
    private final int port;
    private final Map<String, String> env;
    private Process process;

    private RabbitBroker(Path base, String node, int port, Map<String, String> env) {
        this.base = base;
        this.node = node;
        this.port = port;
        this.env = env;
    }

    /** Starts a broker (returns at once; {@link #awaitReady} waits for it). */
    public static RabbitBroker start() throws IOException {
        if (!Files.isExecutable(BIN.resolve("rabbitmq-server"))) {
            fail("RabbitMQ is not installed (" + BIN.resolve("rabbitmq-server") + " is missing): "
                    + "apt-get install rabbitmq-server, as .ci/run does");
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path base = Path.of("target", "rabbitmq-" + id).toAbsolutePath();
        Files.createDirectories(base);
        Path plugins = Files.writeString(base.resolve("enabled_plugins"), "[].\n");
        int port = freePort();
        String node = "comptoir-test-" + id + "@localhost";
        Map<String, String> env = Map.of(
                "RABBITMQ_NODENAME", node,
                "RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1",
                "RABBITMQ_NODE_PORT", Integer.toString(port),
                "RABBITMQ_DIST_PORT", Integer.toString(freePort()),
                "ERL_EPMD_PORT", Integer.toString(freePort()),
                "RABBITMQ_MNESIA_BASE", base.resolve("mnesia").toString(),
                "RABBITMQ_LOG_BASE", base.resolve("log").toString(),
                "RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString(),
                "RABBITMQ_PLUGINS_EXPAND_DIR", base.resolve("plugins-expand").toString());
        RabbitBroker broker = new RabbitBroker(base, node, port, env);
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmq-server").toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("console.log").toFile());
        builder.environment().putAll(env);
        broker.process = builder.start();
        return broker;
    }

    /** The AMQP URL applications connect with. */
    public String url() {
        return "amqp://guest:guest@127.0.0.1:" + port;
    }

    /** A new client connection (the caller closes it). */
    public Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(url());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(2_000);
        return factory.newConnection("comptoir-test");
    }

    /** Waits until a client can connect; fails with the broker's log when it exited or did not come up in time. */
    public void awaitReady(Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        Exception last = null;
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                fail("RabbitMQ exited with code " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try (Connection ignored = connect()) {
                return;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(250);
        }
        fail("RabbitMQ did not accept connections within " + within + " (" + last + "):\n" + logTail());
    }

    /** Stops the broker's AMQP service (the Erlang node keeps running: a restart takes seconds, not a boot). */
    public void stopService() throws Exception {
        ctl("stop_app");
    }

    /** Starts the AMQP service again after {@link #stopService()}. */
    public void startService() throws Exception {
        ctl("start_app");
    }

    private void ctl(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("rabbitmqctl").toString(), "-n", node, command)
                .redirectErrorStream(true).redirectOutput(base.resolve("rabbitmqctl.log").toFile());
        builder.environment().putAll(env);
        Process ctl = builder.start();
        // rabbitmqctl boots an Erlang VM of its own: on a loaded machine, at the tests' low priority, over a minute.
        if (!ctl.waitFor(180, TimeUnit.SECONDS) || ctl.exitValue() != 0) {
            ctl.destroyForcibly();
            fail("rabbitmqctl " + command + " failed:\n" + Files.readString(base.resolve("rabbitmqctl.log")));
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            List<ProcessHandle> tree = process.descendants().toList();
            process.destroy();
            tree.forEach(ProcessHandle::destroy);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        // The node started its own epmd daemon on a port of its own: stop that one (no other node uses it).
        if (Files.isExecutable(EPMD)) {
            ProcessBuilder kill = new ProcessBuilder(EPMD.toString(), "-kill").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            kill.environment().put("ERL_EPMD_PORT", env.get("ERL_EPMD_PORT"));
            kill.start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(base.resolve("console.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
