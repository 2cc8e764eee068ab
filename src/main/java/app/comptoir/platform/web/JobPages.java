package app.comptoir.platform.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.comptoir.platform.JobView;
import app.comptoir.platform.Jobs;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;

/**
 * The progress bar of a background job for the pages ({@code platform/job :: progress}), which refreshes
 * itself with htmx while the job runs, and an export's file for the browser (the API's is bearer-only).
 */
@PageController
class JobPages {

    private final Jobs jobs;

    JobPages(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * The bar, polled every second while the job runs. A job whose result the page itself shows (an
     * import's report) reloads the page when it ends; an export shows its download link in place.
     */
    @GetMapping("/app/jobs/{id}")
    String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
        JobView job = jobs.get(id);
        if (!job.running() && job.fileName() == null) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "platform/job :: progress";
    }

    @GetMapping("/app/jobs/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        Jobs.File file = jobs.file(id).orElseThrow(() -> new NotFoundException("job file", id));
        return JobFiles.download(file);
    }
}
