package app.comptoir.platform.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.comptoir.platform.db.MaintenanceDatabase;

/**
 * pg_dump and pg_restore of a major version at least the server's (pg_dump refuses a newer server): from
 * {@code comptoir.backup.pg-bin} when set, else the first found of {@code /usr/lib/postgresql/<major>/bin} (Debian's
 * packages), {@code /opt/comptoir/postgresql-client-<major>/bin} ({@code .ci/install-postgresql-client}) for the
 * server's major version and the newer ones, then the {@code PATH}.
 */
record PostgresClient(Path pgDump, Path pgRestore, int major, String version) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
    private static final int NEWEST_KNOWN_MAJOR = 20;

    /** The programs for a server of {@code serverMajor}; refuses with what to install when there are none. */
    static PostgresClient find(String configuredBin, int serverMajor) {
        List<Path> candidates = new ArrayList<>();
        if (configuredBin != null && !configuredBin.isBlank()) {
            candidates.add(Path.of(configuredBin.trim()));
        } else {
            for (int major = serverMajor; major <= NEWEST_KNOWN_MAJOR; major++) {
                candidates.add(Path.of("/usr/lib/postgresql/" + major + "/bin"));
                candidates.add(Path.of("/opt/comptoir/postgresql-client-" + major + "/bin"));
            }
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(":")) {
                    if (!dir.isBlank()) {
                        candidates.add(Path.of(dir));
                    }
                }
            }
        }
        List<String> seen = new ArrayList<>();
        for (Path dir : candidates) {
            Path dump = dir.resolve("pg_dump");
            Path restore = dir.resolve("pg_restore");
            if (!Files.isExecutable(dump) || !Files.isExecutable(restore)) {
                continue;
            }
            String version = run(List.of(dump.toString(), "--version"));
            Matcher m = VERSION.matcher(version);
            if (m.find()) {
                int major = Integer.parseInt(m.group(1));
                if (major >= serverMajor) {
                    return new PostgresClient(dump, restore, major, version.trim());
                }
                seen.add(version.trim() + " in " + dir);
            }
        }
        throw new BackupRefusedException("No pg_dump and pg_restore of PostgreSQL " + serverMajor + " or newer found"
                + (seen.isEmpty() ? "" : " (only " + String.join(", ", seen) + ")")
                + ": install postgresql-client-" + serverMajor + " (Debian 13) or run .ci/install-postgresql-client "
                + serverMajor + " (Debian 12), or point COMPTOIR_BACKUP_PG_BIN at their folder");
    }

    /** Runs pg_dump or pg_restore against {@code db}; its error output becomes the exception's message. */
    void run(MaintenanceDatabase db, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", db.password() == null ? "" : db.password());
        builder.environment().put("PGTZ", "UTC");
        builder.environment().remove("PGSERVICE");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(Path.of(command.getFirst()).getFileName() + " failed (exit " + exit
                        + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
