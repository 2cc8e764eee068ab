package app.comptoir.purchasing.web;

import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.platform.InvalidInputException;
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

    /** "Créer les commandes": one draft per supplier, then its page (one) or the list of drafts (several). */
    @PostMapping("/orders")
    String place(@RequestParam(required = false) UUID variant, RedirectAttributes redirect) {
        try {
            ReorderOrders.PlacedOrders placed = reorder.place(variant, null);
            // The layout shows "flash" on whichever page the user lands on (the draft or the list of drafts).
            redirect.addFlashAttribute("flash", "purchasing.reorder.created");
            redirect.addFlashAttribute("flashArgument", String.join(", ", placed.orders().stream()
                    .map(ReorderOrders.PlacedOrder::number).toList()));
            return "redirect:" + placed.link();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("reorderNothing", true);
            return variant == null ? "redirect:/app/purchasing/reorder" : "redirect:/app/purchasing/reorder?variant=" + variant;
        }
    }
}
