package app.comptoir.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirProperties;

/**
 * CSV files kept between a clean dry run and the real import, so the merchant does not pick the file
 * twice. They sit under the data directory (like the pictures, so every node sees them when it is
 * shared), one folder per tenant, named by a random token, and are forgotten after an hour.
 */
@Component
class CsvUploads {

    static final Duration KEPT = Duration.ofHours(1);

    private final Path root;
    private final Clock clock;

    CsvUploads(ComptoirProperties properties, Clock clock) {
        this.root = properties.dataDir().resolve("imports").toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** Keeps the file for the tenant and returns its token. */
    String keep(UUID tenantId, byte[] bytes) {
        forgetOld(tenantId);
        UUID token = UUID.randomUUID();
        try {
            Path dir = Files.createDirectories(root.resolve(tenantId.toString()));
            Files.write(dir.resolve(token + ".csv"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep an uploaded CSV file", e);
        }
        return token.toString();
    }

    /** The tenant's file with this token, while it is kept; a token that is not one of ours finds nothing. */
    Optional<byte[]> find(UUID tenantId, String token) {
        Optional<Path> file = file(tenantId, token);
        if (file.isEmpty() || !Files.isRegularFile(file.get()) || expired(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void forget(UUID tenantId, String token) {
        file(tenantId, token).ifPresent(CsvUploads::delete);
    }

    private Optional<Path> file(UUID tenantId, String token) {
        try {
            // Parsing the token as a UUID keeps anything else (a path, "..") out of the file name.
            return Optional.of(root.resolve(tenantId.toString()).resolve(UUID.fromString(token) + ".csv"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private void forgetOld(UUID tenantId) {
        Path dir = root.resolve(tenantId.toString());
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(this::expired).forEach(CsvUploads::delete);
        } catch (IOException e) {
            // Old files are only clutter: the next upload tries again.
        }
    }

    private boolean expired(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now(clock).minus(KEPT));
        } catch (IOException e) {
            return true;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the next clean-up.
        }
    }
}
