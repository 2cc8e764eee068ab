package app.comptoir.purchasing.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.purchasing.application.InvitationRefusedException;
import app.comptoir.purchasing.application.SupplierInvitations;

/**
 * The invitation's public page ({@code /supplier-invitation/{token}}): the invited supplier registers its business
 * (company prefilled, e-mail, password), or reads why the link no longer works; and the shopkeeper's form that
 * sends an invitation to one of its suppliers.
 */
@PageController
class SupplierInvitationPages {

    private static final String VIEW = "purchasing/supplier-invitation";

    private final SupplierInvitations invitations;

    SupplierInvitationPages(SupplierInvitations invitations) {
        this.invitations = invitations;
    }

    /** What the supplier enters: its company (the business's name), the administrator's e-mail, name and password. */
    record RegisterForm(String businessName, String email, String name, String password) {
    }

    @GetMapping("/supplier-invitation/{token}")
    String show(@PathVariable String token, Model model) {
        try {
            SupplierInvitations.Invited invited = invitations.check(token);
            model.addAttribute("invited", invited);
            model.addAttribute("form", new RegisterForm(invited.company(), invited.email(), "", ""));
        } catch (InvitationRefusedException e) {
            model.addAttribute("refused", e.reason().name());
        }
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/supplier-invitation/{token}")
    String register(@PathVariable String token, @ModelAttribute("form") RegisterForm form, BindingResult result,
                    Model model, HttpServletRequest request) {
        model.addAttribute("token", token);
        try {
            SupplierInvitations.Registered registered = invitations.accept(token, new SupplierInvitations.Registration(
                    form.businessName(), form.email(), form.password(), form.name()), ClientAddress.of(request));
            model.addAttribute("registered", registered);
            return VIEW;
        } catch (InvitationRefusedException e) {
            model.addAttribute("refused", e.reason().name());
            return VIEW;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            result.rejectValue("email", "conflict." + e.type(), e.getMessage());
        } catch (TooManyRequestsException e) {
            model.addAttribute("throttledSeconds", e.retryAfterSeconds());
        }
        try {
            model.addAttribute("invited", invitations.check(token));
        } catch (InvitationRefusedException e) {
            model.addAttribute("refused", e.reason().name());
        }
        return VIEW;
    }

    /** The shopkeeper invites one of its suppliers (e-mail prefilled from the supplier's record when left out). */
    @PostMapping("/app/purchasing/suppliers/{id}/invite")
    String invite(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(required = false) String email,
                  RedirectAttributes redirect) {
        try {
            invitations.invite(id, email);
            redirect.addFlashAttribute("flash", "purchasing.invitation.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("conflict", "supplier-invitation-email");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
        }
        return "redirect:/app/purchasing/suppliers/" + id;
    }
}
