package app.comptoir.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.identity.application.LinkRefusedException;
import app.comptoir.identity.application.PasswordResets;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TooManyRequestsException;

/**
 * The public pages of a forgotten password: asking for a link (the same answer for every address) and
 * choosing a new password from the e-mailed link.
 */
@PageController
class PasswordResetPages {

    private static final String ASK = "auth/forgot-password";
    private static final String RESET = "auth/reset-password";

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    /** The address to send a link to. */
    record AskForm(String email) {
    }

    /** The new password, with the link's token carried along. */
    record ResetForm(String token, String password) {
    }

    @GetMapping("/forgot-password")
    String ask(Model model) {
        model.addAttribute("form", new AskForm(""));
        return ASK;
    }

    @PostMapping("/forgot-password")
    String send(@ModelAttribute("form") AskForm form, BindingResult result, Model model, HttpServletRequest request) {
        try {
            resets.request(form.email(), ClientAddress.of(request));
            model.addAttribute("sent", true);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
        }
        return ASK;
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam(required = false) String token, Model model) {
        return resetForm(token, model, true);
    }

    private String resetForm(String token, Model model, boolean blankForm) {
        try {
            model.addAttribute("account", resets.check(token).email());
            if (blankForm) {
                model.addAttribute("form", new ResetForm(token, ""));
            }
        } catch (LinkRefusedException e) {
            model.addAttribute("refused", e.reason().name());
        }
        return RESET;
    }

    @PostMapping("/reset-password")
    String reset(@ModelAttribute("form") ResetForm form, BindingResult result, Model model) {
        try {
            resets.reset(form.token(), form.password());
            return "redirect:/login?reset";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (LinkRefusedException e) {
            model.addAttribute("refused", e.reason().name());
            return RESET;
        }
        // The form keeps its errors; th:field never writes a password input's value back to the browser.
        return resetForm(form.token(), model, false);
    }
}
