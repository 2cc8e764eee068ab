package app.comptoir.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A password of the embedded database, generated once and kept in a file of the data directory
 * readable by its owner only (mode 600), so it survives restarts and is never a built-in default.
 */
record DatabaseSecret(String value, boolean generated) {

    /** Reads the secret in {@code file}, or creates the file with a new random secret. */
    static DatabaseSecret in(Path file) {
        try {
            if (Files.exists(file)) {
                return new DatabaseSecret(Files.readString(file, StandardCharsets.UTF_8).trim(), false);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            // URL-safe without padding: no quote or backslash to escape in SQL or in initdb's password file.
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            createOwnerOnly(file);
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return new DatabaseSecret(secret, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the database secret " + file, e);
        }
    }

    /** Creates the file with mode 600 before anything is written to it (no window where others can read). */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system (Windows): the directory's ACL applies
        } catch (FileAlreadyExistsException e) {
            // created concurrently: overwritten below, same owner-only mode
        }
    }

    @Override
    public String toString() {
        return "DatabaseSecret[****]";
    }
}
