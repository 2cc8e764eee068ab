package app.comptoir.platform;

import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.jobs.JobRunner;
import app.comptoir.platform.jobs.JobStore;

/**
 * Long work of a user (an import, an export) run in the background with its progress stored, so that a
 * page can show a progress bar that survives a reload ({@code GET /api/v1/jobs/{id}}) and the result at
 * the end. Any module plugs its import or export in with {@link #start} (a result shown as JSON) or
 * {@link #startFile} (a file to download); the work runs for the tenant and the user who started it, with
 * their permissions, on a small bounded pool ({@link JobRunner}).
 */
@org.springframework.stereotype.Component
public class Jobs {

    /** Work whose result is a record shown as JSON (a dry-run report, per-line errors). */
    @FunctionalInterface
    public interface Work<R> {
        R run(JobProgress progress) throws Exception;
    }

    /** A file made by an export job: its name and its bytes. */
    public record File(String name, byte[] bytes) {
    }

    private final JobStore store;
    private final JobRunner runner;
    private final JsonMapper json;

    Jobs(JobStore store, JobRunner runner, JsonMapper json) {
        this.store = store;
        this.runner = runner;
        this.json = json;
    }

    /** Starts the work in the background; returns the job's id at once. 429 when too many jobs wait. */
    public <R> UUID start(String kind, Work<R> work) {
        return runner.submit(kind, progress -> new JobRunner.Outcome(json.valueToTree(work.run(progress)), null));
    }

    /** Starts an export in the background: its file is kept for download when it succeeds. */
    public UUID startFile(String kind, Work<File> work) {
        return runner.submit(kind, progress -> {
            File file = work.run(progress);
            return new JobRunner.Outcome(null, file);
        });
    }

    /** The job of the current tenant; 404 when there is none with this id. */
    public JobView get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("job", id));
    }

    /** The newest job of this kind in the current tenant still waiting or running, if any. */
    public Optional<JobView> running(String kind) {
        return store.latest(kind).filter(JobView::running);
    }

    /** The job's result as the given record type (null while it runs or when it failed). */
    public <R> R result(JobView job, Class<R> type) {
        return job.result() == null || job.result().isNull() ? null : json.treeToValue(job.result(), type);
    }

    /** The file an export job made, while it is kept. */
    public Optional<File> file(UUID id) {
        JobView job = get(id);
        return job.fileName() == null ? Optional.empty() : runner.file(job).map(bytes -> new File(job.fileName(), bytes));
    }
}
