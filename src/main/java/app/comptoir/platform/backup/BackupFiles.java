package app.comptoir.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Stream;

/** What a whole-deployment backup and a one-business export both do with files and the database. */
final class BackupFiles {

    private BackupFiles() {
    }

    /** Copies a file and returns the hexadecimal SHA-256 of what was copied, read once. */
    static String copyWithDigest(Path from, Path to) throws IOException {
        MessageDigest digest = Manifest.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest)) {
            Files.copy(in, to);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A relative path written with forward slashes, as the manifests name files on every system. */
    static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    /** Whether the folder exists and holds nothing. */
    static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The first column of the first row of a query, or null. */
    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The schema version Flyway last applied, or null on a database Flyway never touched. */
    static String flywayVersion(Connection c) throws SQLException {
        if (single(c, "select to_regclass('flyway_schema_history')") == null) {
            return null;
        }
        return single(c, "select version from flyway_schema_history where success and version is not null"
                + " order by installed_rank desc limit 1");
    }
}
