package app.comptoir.purchasing.web;

import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.platform.PageController;
import app.comptoir.purchasing.application.ReorderOrders;

/** The reorder page: what to order from each preferred supplier, and the button that makes the drafts. */
@PageController
@RequestMapping("/app/purchasing/reorder")
class ReorderPages {

    private final ReorderOrders reorder;

    ReorderPages(ReorderOrders reorder) {
        this.reorder = reorder;
    }

    @GetMapping
    String page(@RequestParam(required = false) UUID variant, Model model) {
        model.addAttribute("plan", reorder.plan(variant));
        return "purchasing/reorder";
    }
}
