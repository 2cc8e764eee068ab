package app.comptoir.platform;

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
 * A secret the deployment generates once and keeps in a file of its data directory, readable by its owner only
 * (mode 600), so it survives restarts and is never a built-in default: the embedded database's passwords, the
 * payments encryption key. An operator who runs several nodes sets the secret by configuration instead.
 */
public final class SecretFiles {

    /** The secret's text (URL-safe Base64 without padding) and whether this call created the file. */
    public record Kept(String value, boolean generated) {

        /** The random bytes the text stands for. */
        public byte[] bytes() {
            return Base64.getUrlDecoder().decode(value);
        }

        @Override
        public String toString() {
            return "Kept[****]";
        }
    }

    private SecretFiles() {
    }

    /** Reads the secret in {@code file}, or creates the file with {@code randomBytes} new random bytes. */
    public static Kept keep(Path file, int randomBytes) {
        try {
            if (Files.exists(file)) {
                return new Kept(Files.readString(file, StandardCharsets.UTF_8).trim(), false);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[randomBytes];
            new SecureRandom().nextBytes(random);
            // URL-safe without padding: no quote or backslash to escape in SQL or in initdb's password file.
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            createOwnerOnly(file);
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return new Kept(secret, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret " + file, e);
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
}
