package app.comptoir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the data directory (embedded PostgreSQL, signing key) at a fresh temporary folder per test JVM. */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Path DIR = create();

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("comptoir-test-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("comptoir-test-data", Map.of("comptoir.data-dir", DIR.toString())));
    }
}
