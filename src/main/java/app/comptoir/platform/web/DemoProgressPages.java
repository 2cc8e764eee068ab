package app.comptoir.platform.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.PageController;

/**
 * The banner of a first start while the demo data fills in ("Données de démonstration : 42 %"): every
 * back-office page renders it while the data loads, and it refreshes itself with htmx every two seconds
 * until the data is complete, when it says so once and stops polling.
 */
@PageController
class DemoProgressPages {

    private final DemoProgress progress;

    DemoProgressPages(DemoProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/app/demo-progress")
    String banner(Model model) {
        model.addAttribute("demoProgress", progress.status());
        return "platform/demo-progress :: banner";
    }

    /** Shown on every page of the shell; null (no banner) once nothing is loading. */
    @org.springframework.web.bind.annotation.ControllerAdvice(annotations = PageController.class)
    static class Advice {

        private final DemoProgress progress;

        Advice(DemoProgress progress) {
            this.progress = progress;
        }

        @ModelAttribute
        void demoProgress(Model model) {
            if (progress.loading()) {
                model.addAttribute("demoProgress", progress.status());
            }
        }
    }
}
