package app.comptoir.inventory.application;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import app.comptoir.inventory.domain.MovementFilter;
import app.comptoir.platform.Exports;
import app.comptoir.platform.JobProgress;
import app.comptoir.platform.Jobs;

/**
 * The movement journal as a CSV or Excel file: made in the background for a person (a shop's year of sales is
 * a hundred thousand movements and more), with its progress in movements; or written straight into a
 * response for the API's direct download.
 */
@Service
public class MovementExports {

    /** The kind of the journal's export jobs. */
    public static final String JOB = "movements-export";
    /** The movements read per query. */
    private static final int PAGE = 200;
    private static final Exports.Table TABLE = Exports.Table.of("movements", "inventory.export.", "id",
            "occurred_at", "type", "sku", "name", "quantity", "change", "location_id", "to_location_id",
            "balance_after", "reason", "reference");

    private final RecordedMovements journal;
    private final Exports exports;
    private final Jobs jobs;

    MovementExports(RecordedMovements journal, Exports exports, Jobs jobs) {
        this.journal = journal;
        this.exports = exports;
        this.jobs = jobs;
    }

    /** The columns of the file. */
    public Exports.Table table() {
        return TABLE;
    }

    /** Starts the export of the movements the filter keeps in the background; returns the job at once. */
    public UUID start(MovementFilter filter, Exports.Format format, Locale locale) {
        return jobs.startFile(JOB, progress -> exports.file(format, TABLE, locale, rows -> rows(filter, rows, progress)));
    }

    /** Writes the movements the filter keeps, newest first, reporting how many are written. */
    public void rows(MovementFilter filter, Exports.Rows rows, JobProgress progress) {
        Exports.eachPage(page -> journal.page(filter, page, PAGE), PAGE, progress, m -> rows.row(m.id(),
                m.occurredAt(), Exports.code("inventory.type.", m.type()), m.sku(), m.label(), m.quantity(),
                m.change(), m.locationId(), m.toLocationId(), m.balanceAfter(), m.reason(), m.reference()));
    }
}
