package app.comptoir.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup folder holds ({@code manifest.json}): when and from what it was made, every file with its size and
 * SHA-256, every table with its row count and checksum at the dump's snapshot. {@code SHA256SUMS} beside it lists the
 * SHA-256 of every file, the manifest included, in the format of {@code sha256sum -c}.
 *
 * @param format          1
 * @param createdAt       ISO-8601 instant
 * @param flywayVersion   the database schema's last applied migration
 * @param pgDumpVersion   pg_dump's own {@code --version}
 * @param files           the folder's files but the manifest and the sums ({@link #DATABASE} and {@code files/...})
 */
record Manifest(int format, String createdAt, String appVersion, String flywayVersion, String postgresVersion,
                String pgDumpVersion, List<FileEntry> files, List<TableFingerprint> tables) {

    static final String NAME = "manifest.json";
    static final String SUMS = "SHA256SUMS";
    /** The database in pg_dump's custom format. */
    static final String DATABASE = "database.dump";
    /** The data directory's files, under their relative paths. */
    static final String FILES = "files";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One file of the backup folder, its path relative to the folder with '/' separators. */
    record FileEntry(String path, long size, String sha256) {
    }

    /** Writes the manifest and the sums of every file (itself included) into {@code folder}. */
    void write(Path folder) throws IOException {
        Files.write(folder.resolve(NAME), JSON.writeValueAsBytes(this));
        StringBuilder sums = new StringBuilder();
        for (FileEntry file : files) {
            sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
        }
        sums.append(sha256(folder.resolve(NAME))).append("  ").append(NAME).append('\n');
        Files.writeString(folder.resolve(SUMS), sums, StandardCharsets.UTF_8);
    }

    /**
     * Reads the manifest of {@code folder} after checking every file against {@code SHA256SUMS} and the manifest's
     * sizes; refuses a folder with a missing, changed or unlisted file, saying which.
     */
    static Manifest readVerified(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BackupRefusedException("No backup folder at " + folder);
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(folder.resolve(SUMS), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                int gap = line.indexOf("  ");
                if (gap != 64) {
                    throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + SUMS
                            + " has a malformed line");
                }
                sums.put(line.substring(gap + 2), line.substring(0, gap));
            }
        } catch (NoSuchFileException e) {
            throw new BackupRefusedException("The backup at " + folder + " is incomplete: it has no " + SUMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkSum(folder, NAME, sums.get(NAME));
        Manifest manifest;
        try {
            manifest = JSON.readValue(Files.readAllBytes(folder.resolve(NAME)), Manifest.class);
        } catch (JacksonException | IOException e) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: its " + NAME
                    + " cannot be read (" + e.getMessage() + ")");
        }
        if (manifest.format() != 1) {
            throw new BackupRefusedException("The backup at " + folder + " has format " + manifest.format()
                    + ", which this version does not know");
        }
        for (FileEntry file : manifest.files()) {
            Path path = resolveInside(folder, file.path());
            if (!file.sha256().equals(sums.get(file.path()))) {
                throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + file.path()
                        + " has different checksums in " + NAME + " and " + SUMS);
            }
            try {
                if (!Files.isRegularFile(path) || Files.size(path) != file.size()) {
                    throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + file.path()
                            + (Files.isRegularFile(path) ? " has " + Files.size(path) + " bytes instead of "
                            + file.size() : " is missing"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            checkSum(folder, file.path(), file.sha256());
        }
        if (manifest.files().stream().noneMatch(f -> f.path().equals(DATABASE))) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + NAME + " lists no "
                    + DATABASE);
        }
        return manifest;
    }

    private static void checkSum(Path folder, String name, String expected) {
        Path file = resolveInside(folder, name);
        if (expected == null) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + name + " is not in " + SUMS);
        }
        if (!Files.isRegularFile(file)) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: " + name + " is missing");
        }
        if (!expected.equals(sha256(file))) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: the SHA-256 of " + name
                    + " does not match " + SUMS + "; restore another backup");
        }
    }

    private static Path resolveInside(Path folder, String relative) {
        Path path = folder.resolve(relative).normalize();
        if (!path.startsWith(folder.normalize()) || relative.isBlank()) {
            throw new BackupRefusedException("The backup at " + folder + " is corrupted: it names a file outside"
                    + " itself (" + relative + ")");
        }
        return path;
    }

    /** The hexadecimal SHA-256 of a file. */
    static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The table fingerprints that differ between the manifest and {@code actual}, one line each. */
    List<String> differences(List<TableFingerprint> actual) {
        Map<String, TableFingerprint> expected = new LinkedHashMap<>();
        tables.forEach(t -> expected.put(t.table(), t));
        List<String> differences = new ArrayList<>();
        for (TableFingerprint table : actual) {
            TableFingerprint wanted = expected.remove(table.table());
            if (wanted == null) {
                differences.add(table.table() + ": not in the backup");
            } else if (!wanted.equals(table)) {
                differences.add(table.table() + ": " + table.rows() + " rows (" + table.md5() + ") instead of "
                        + wanted.rows() + " (" + wanted.md5() + ")");
            }
        }
        expected.keySet().forEach(missing -> differences.add(missing + ": missing"));
        return differences;
    }
}
