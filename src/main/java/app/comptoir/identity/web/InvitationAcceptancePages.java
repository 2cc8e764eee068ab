package app.comptoir.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.identity.application.Invitations;
import app.comptoir.identity.application.LinkRefusedException;
import app.comptoir.identity.application.QuotaExceededException;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/** The public page of an e-mailed invitation: the colleague sees the business and the role, and joins. */
@PageController
class InvitationAcceptancePages {

    private static final String VIEW = "auth/invitation";

    private final Invitations invitations;
    private final WebSignIn webSignIn;

    InvitationAcceptancePages(Invitations invitations, WebSignIn webSignIn) {
        this.invitations = invitations;
        this.webSignIn = webSignIn;
    }

    /** The colleague's name and password, with the link's token carried along. */
    record JoinForm(String token, String name, String password) {
    }

    @GetMapping("/invitation")
    String show(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("form", new JoinForm(token, "", ""));
        return page(token, model);
    }

    @PostMapping("/invitation")
    String join(@ModelAttribute("form") JoinForm form, BindingResult result, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        try {
            ComptoirPrincipal principal = invitations.accept(form.token(), form.name(), form.password());
            webSignIn.signIn(principal, request, response);
            return "redirect:/app";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.type());
        } catch (QuotaExceededException e) {
            // Nothing was created; a 409 like the API's, the page says the business has no room left.
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", e.type());
        } catch (LinkRefusedException e) {
            model.addAttribute("refused", e.reason().name());
            return VIEW;
        }
        // The form keeps its errors; th:field never writes a password input's value back to the browser.
        return page(form.token(), model);
    }

    private String page(String token, Model model) {
        try {
            model.addAttribute("invited", invitations.check(token));
        } catch (LinkRefusedException e) {
            model.addAttribute("refused", e.reason().name());
        }
        return VIEW;
    }
}
