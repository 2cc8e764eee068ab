package app.comptoir.channels.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The browser extension's own unit tests ({@code extension/test}, Node's built-in test runner) as part of the
 * Maven build, so that {@code ./mvnw verify} fails when they fail and {@code -DskipTests} skips them with the
 * rest. Run them alone with {@code node --test extension/test/}. They need Node 18 or newer on the PATH (Debian:
 * {@code apt-get install nodejs}; {@code .ci/run} installs it).
 *
 * <p>A JUnit test rather than an exec-maven-plugin execution: the plugin's parent POM is not in the offline
 * Maven repository the project is built with, and this needs no plugin at all.
 */
class BrowserExtensionTest {

    private static final Path EXTENSION = Path.of("extension");

    @Test
    void theExtensionsNodeTestsPass() throws IOException, InterruptedException {
        assertThat(EXTENSION.resolve("test")).isDirectory();
        Path log = Path.of("target", "extension-tests.log");
        Files.createDirectories(log.getParent());
        // No path argument: in the extension's folder the runner finds test/*.js by itself on every Node version
        // (newer ones take glob patterns, not directories).
        Process process = new ProcessBuilder(node(), "--test", "--test-reporter=tap")
                .directory(EXTENSION.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("node --test did not finish within 10 minutes; its output so far: " + log.toAbsolutePath());
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(line -> line.startsWith("# ")).reduce((a, b) -> a + "\n" + b).orElse(""));
        assertThat(process.exitValue())
                .withFailMessage("the extension's tests failed (exit %d):%n%s", process.exitValue(), output)
                .isZero();
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }

    /** The system's node, or a failure saying how to get it. */
    private static String node() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail("node is not on the PATH: install Node.js 18 or newer (Debian: apt-get install nodejs; .ci/run does)");
        }
        return found.get().toString();
    }
}
