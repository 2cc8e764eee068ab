package app.comptoir.platform.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;

/** The background jobs of the business (imports, exports): status, progress, result, and an export's file. */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Platform")
class JobController {

    private final Jobs jobs;

    JobController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job: status (QUEUED, RUNNING, SUCCEEDED, FAILED), progress (done of total, percent), "
            + "and at the end its result (the kind's report), error or file name")
    JobView job(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The file an export job made (404 while it runs, when it failed, or for another kind)")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        Jobs.File file = jobs.file(id).orElseThrow(() -> new NotFoundException("job file", id));
        return JobFiles.download(file);
    }
}
