package app.comptoir.catalog.application;

import java.util.List;

/**
 * What an import did, or would do in a dry run: counts per kind of change and the errors, each
 * with its line (1 is the header), its column and a message. Nothing is written when it is a dry
 * run, or when there is an error and the import is not partial; a partial import writes every
 * product whose lines are all valid and skips the others.
 */
public record ImportReport(boolean dryRun, boolean partial, boolean written, int lines, int productsCreated,
                           int productsUpdated, int productsUnchanged, int productsSkipped, int variantsCreated,
                           int variantsUpdated, int categoriesCreated, List<LineError> errors) {

    /** An error on a line of the file. */
    public record LineError(int line, String field, String message) {
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
