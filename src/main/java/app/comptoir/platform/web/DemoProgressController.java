package app.comptoir.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.DemoProgress;

/** Whether the demo data of a first start is still loading, for scripts and tests that wait for it. */
@RestController
@Tag(name = "Platform")
class DemoProgressController {

    private final DemoProgress progress;

    DemoProgressController(DemoProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/demo/progress")
    @Operation(summary = "How far the demo data of a first start has loaded: IDLE (nothing to load), LOADING with "
            + "a percentage, or LOADED")
    DemoProgress.Status progress() {
        return progress.status();
    }
}
