package app.comptoir.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A background job as its status endpoint shows it: its kind ({@code catalog-import}...), status, progress
 * ({@code done} of {@code total}, null while unknown), and at the end its result (the kind's JSON), its
 * error, or the name of the file it made (downloaded from {@code /api/v1/jobs/{id}/file}).
 */
public record JobView(UUID id, String kind, Status status, int done, Integer total, int percent,
                      tools.jackson.databind.JsonNode result, String error, String fileName, UUID createdBy,
                      Instant createdAt, Instant finishedAt) {

    /** Where a job stands. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** Whether it is still waiting or running. */
    public boolean running() {
        return status == Status.QUEUED || status == Status.RUNNING;
    }
}
