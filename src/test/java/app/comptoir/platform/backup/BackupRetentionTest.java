package app.comptoir.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which scheduled backups the daily pruning keeps: the newest of each recent day and of each recent week. */
class BackupRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z"); // a Monday
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("UTC"));

    @Test
    void sixtyDaysOfDailyBackupsKeepTheLastSevenDaysAndTheLastBackupOfFourWeeks() {
        List<Instant> daily = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            daily.add(NOW.minus(Duration.ofDays(day)));
        }
        List<Instant> deleted = new BackupRetention(7, 4, CLOCK).toDelete(daily);

        List<Instant> kept = daily.stream().filter(b -> !deleted.contains(b)).sorted().toList();
        assertThat(kept).containsExactly(
                Instant.parse("2026-11-22T02:30:00Z"), // Sunday, the last backup of its week

                Instant.parse("2026-11-29T02:30:00Z"),
                Instant.parse("2026-12-01T02:30:00Z"), // the last seven days
                Instant.parse("2026-12-02T02:30:00Z"),
                Instant.parse("2026-12-03T02:30:00Z"),
                Instant.parse("2026-12-04T02:30:00Z"),
                Instant.parse("2026-12-05T02:30:00Z"),
                Instant.parse("2026-12-06T02:30:00Z"),
                Instant.parse("2026-12-07T02:30:00Z")); // the 4 weeks: this one, and those of Dec 6, Nov 29, Nov 22
        assertThat(deleted).hasSize(51).isSorted();
    }

    @Test
    void ofSeveralBackupsOfOneDayTheNewestIsKept() {
        Instant morning = Instant.parse("2026-12-06T08:00:00Z");
        Instant evening = Instant.parse("2026-12-06T20:00:00Z");
        Instant today = Instant.parse("2026-12-07T01:00:00Z");

        assertThat(new BackupRetention(7, 0, CLOCK).toDelete(List.of(morning, evening, today))).containsExactly(morning);
    }

    @Test
    void backupsThatStoppedLongAgoAreNotAllPrunedAway() {
        List<Instant> old = List.of(Instant.parse("2026-01-10T02:30:00Z"), Instant.parse("2026-01-11T02:30:00Z"),
                Instant.parse("2026-01-12T02:30:00Z"));

        assertThat(new BackupRetention(2, 0, CLOCK).toDelete(old)).containsExactly(Instant.parse("2026-01-10T02:30:00Z"));
        assertThat(new BackupRetention(0, 0, CLOCK).toDelete(old)).as("the newest is always kept")
                .containsExactly(Instant.parse("2026-01-10T02:30:00Z"), Instant.parse("2026-01-11T02:30:00Z"));
    }

    @Test
    void daysAreThoseOfTheClocksTimeZone() {
        Instant sundayNightInUtc = Instant.parse("2026-12-06T23:30:00Z");
        Instant mondayMorning = Instant.parse("2026-12-07T01:00:00Z");
        Clock paris = Clock.fixed(NOW, ZoneId.of("Europe/Paris"));

        assertThat(new BackupRetention(2, 0, paris).toDelete(List.of(sundayNightInUtc, mondayMorning)))
                .as("00:30 and 02:00 on Monday in Paris: one day, its newest kept").containsExactly(sundayNightInUtc);
        assertThat(new BackupRetention(2, 0, CLOCK).toDelete(List.of(sundayNightInUtc, mondayMorning)))
                .as("Sunday and Monday in UTC: two days").isEmpty();
    }

    @Test
    void pruningDeletesTheFoldersOfTheBackupsNotKeptAndNothingElse(@TempDir Path directory) throws Exception {
        for (int day = 0; day < 10; day++) {
            Path backup = Files.createDirectories(directory.resolve(BackupRetention.name(NOW.minus(Duration.ofDays(day)))));
            Files.writeString(backup.resolve("manifest.json"), "{}");
        }
        Files.createDirectories(directory.resolve("before-upgrade"));
        Files.createDirectories(directory.resolve("comptoir-20200101T000000Z.partial"));

        ScheduledBackups.prune(directory, new BackupRetention(3, 0, CLOCK));

        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "before-upgrade", "comptoir-20200101T000000Z.partial", "comptoir-20261205T023000Z",
                    "comptoir-20261206T023000Z", "comptoir-20261207T023000Z");
        }
    }

    @Test
    void onlyFoldersNamedAsScheduledBackupsAreTheirs() {
        assertThat(BackupRetention.instantOf(BackupRetention.name(NOW))).contains(NOW);
        assertThat(BackupRetention.name(NOW)).isEqualTo("comptoir-20261207T023000Z");
        assertThat(BackupRetention.instantOf("comptoir-20261207T023000Z.partial")).isEmpty();
        assertThat(BackupRetention.instantOf("before-upgrade")).isEmpty();
    }
}
