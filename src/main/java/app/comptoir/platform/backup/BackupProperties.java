package app.comptoir.platform.backup;

import java.nio.file.Path;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code comptoir.backup.*}: where the scheduled backups go, when they run and how many are kept,
 * which PostgreSQL client programs make them, and the role that reads an external database.
 *
 * @param directory     where scheduled backups are written (one folder each)
 * @param pgBin         the folder of pg_dump and pg_restore; blank: looked for (operator guide)
 * @param dbUser        for an external database, the role that dumps and restores it (blank: the application's);
 *                      it must not be filtered by row-level security (superuser or {@code BYPASSRLS})
 * @param dbPassword    that role's password
 */
@ConfigurationProperties("comptoir.backup")
public record BackupProperties(
        @DefaultValue("./backups") Path directory,
        String pgBin,
        String dbUser,
        String dbPassword,
        @DefaultValue Schedule schedule) {

    /**
     * The daily backup: off by default; {@code at} in the server's time zone; the last backup of each of the
     * {@code keepDaily} most recent days and of each of the {@code keepWeekly} most recent weeks that have one are
     * kept, the other scheduled backups deleted.
     */
    public record Schedule(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("02:30") LocalTime at,
            @DefaultValue("7") int keepDaily,
            @DefaultValue("4") int keepWeekly) {
    }

    @Override
    public String toString() {
        return "BackupProperties[directory=" + directory + ", pgBin=" + pgBin + ", dbUser=" + dbUser
                + ", dbPassword=****, schedule=" + schedule + "]";
    }
}
