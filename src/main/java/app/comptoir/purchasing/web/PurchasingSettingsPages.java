package app.comptoir.purchasing.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.purchasing.application.PurchasingSettings;
import app.comptoir.purchasing.domain.CostMethod;

/** The purchasing settings section: how receipts change costs, and the reminder delay (admins change them). */
@PageController
@RequestMapping("/app/purchasing/settings")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class PurchasingSettingsPages {

    private final PurchasingSettings settings;

    PurchasingSettingsPages(PurchasingSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    String show(Model model) {
        PurchasingSettings.Settings current = settings.current();
        model.addAttribute("costMethod", current.costMethod());
        model.addAttribute("reminderDays", current.reminderDays());
        return page(model);
    }

    @PostMapping
    String save(@RequestParam(required = false) CostMethod costMethod, @RequestParam(required = false) String reminderDays,
                Model model, RedirectAttributes redirect) {
        Integer days = PageForms.integer(reminderDays);
        try {
            if (days == null) {
                throw InvalidInputException.field("reminderDays", "must be between 1 and 60");
            }
            settings.change(new PurchasingSettings.Settings(costMethod, days));
            redirect.addFlashAttribute("flash", "purchasing.settings.saved");
            return "redirect:/app/purchasing/settings";
        } catch (InvalidInputException e) {
            model.addAttribute("costMethod", costMethod == null ? settings.current().costMethod() : costMethod);
            model.addAttribute("reminderDays", reminderDays);
            model.addAttribute("reminderError", true);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("methods", CostMethod.values());
        return "purchasing/settings";
    }
}
