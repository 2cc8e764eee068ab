package app.comptoir.identity.web;

import org.springframework.web.bind.annotation.GetMapping;

import app.comptoir.platform.PageController;

/** The back office's home: a welcome, the user's roles and shortcuts to what they may use. */
@PageController
class DashboardPage {

    @GetMapping("/app")
    String dashboard() {
        return "app/dashboard";
    }
}
