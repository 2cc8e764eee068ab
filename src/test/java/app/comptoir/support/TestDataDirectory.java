package app.comptoir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the data directory (embedded PostgreSQL, signing key) at a fresh temporary folder per test JVM. */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Path DIR = create();

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("comptoir-test-");
            // The folder holds a whole PostgreSQL cluster and the demo's pictures (some 650 MB): left behind by every
            // test JVM, they filled the disk of a developer's machine. Removed when the JVM ends (best effort).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "comptoir-test-data-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: the operating system's temporary folder cleaning does the rest
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("comptoir-test-data", Map.of("comptoir.data-dir", DIR.toString())));
    }
}
