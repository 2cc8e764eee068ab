package app.comptoir.platform.backup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which scheduled backups to keep: the newest of each of the {@code keepDaily} most recent days that have a backup,
 * and the newest of each of the {@code keepWeekly} most recent ISO weeks that have one (days and weeks in the clock's
 * time zone); the newest backup is always kept. Counting days that have a backup, not calendar days, means that a
 * schedule that stopped for a while never has its last backups pruned away.
 *
 * <p>Scheduled backups are the folders named {@code comptoir-<UTC instant>} ({@link #name}); anything else in the
 * folder is never touched.
 */
record BackupRetention(int keepDaily, int keepWeekly, Clock clock) {

    private static final String PREFIX = "comptoir-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /** The folder name of a scheduled backup made at {@code at}. */
    static String name(Instant at) {
        return PREFIX + STAMP.format(at);
    }

    /** The instant of a scheduled backup's folder name; empty for any other name. */
    static Optional<Instant> instantOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(STAMP.parse(name.substring(PREFIX.length()), Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Of the backups made at {@code backups}, those to delete, oldest first. */
    List<Instant> toDelete(List<Instant> backups) {
        List<Instant> newestFirst = backups.stream().sorted(Comparator.reverseOrder()).toList();
        if (newestFirst.isEmpty()) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        Set<Instant> keep = new LinkedHashSet<>();
        keep.add(newestFirst.getFirst());
        Set<LocalDate> days = new LinkedHashSet<>();
        Set<String> weeks = new LinkedHashSet<>();
        for (Instant backup : newestFirst) {
            LocalDate day = backup.atZone(zone).toLocalDate();
            if (days.size() < keepDaily && days.add(day)) {
                keep.add(backup);
            }
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < keepWeekly && weeks.add(week)) {
                keep.add(backup);
            }
        }
        List<Instant> delete = new ArrayList<>(newestFirst.stream().filter(b -> !keep.contains(b)).toList());
        delete.sort(Comparator.naturalOrder());
        return delete;
    }
}
