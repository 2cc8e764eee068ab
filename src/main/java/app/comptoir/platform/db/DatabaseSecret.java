package app.comptoir.platform.db;

import java.nio.file.Path;

import app.comptoir.platform.SecretFiles;

/**
 * A password of the embedded database, generated once and kept in a file of the data directory
 * readable by its owner only (mode 600), so it survives restarts and is never a built-in default.
 */
record DatabaseSecret(String value, boolean generated) {

    /** Reads the secret in {@code file}, or creates the file with a new random secret. */
    static DatabaseSecret in(Path file) {
        SecretFiles.Kept kept = SecretFiles.keep(file, 32);
        return new DatabaseSecret(kept.value(), kept.generated());
    }

    @Override
    public String toString() {
        return "DatabaseSecret[****]";
    }
}
