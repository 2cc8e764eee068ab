package app.comptoir.identity.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.application.Invitations;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Role;

/** Administrators invite colleagues from the users page, and revoke or resend the invitations waiting. */
@PageController
@RequestMapping("/app/users")
@PreAuthorize("@rolePermissions.has('USERS_MANAGE')")
class InvitationPages {

    private static final String FORM = "identity/users/invite";

    private final Invitations invitations;

    InvitationPages(Invitations invitations) {
        this.invitations = invitations;
    }

    /** Who to invite, with which role. */
    record InviteForm(String email, Role role) {
    }

    @GetMapping("/invite")
    String inviteForm(Model model) {
        model.addAttribute("form", new InviteForm("", Role.VIEWER));
        return form(model);
    }

    @PostMapping("/invite")
    String invite(@ModelAttribute("form") InviteForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            Invitations.InvitationView sent = invitations.invite(form.email(), form.role());
            redirect.addFlashAttribute("flash", "invitations.sent");
            redirect.addFlashAttribute("flashArgument", sent.email());
            return "redirect:/app/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            // Every refusal of an invitation is about the address: shown next to it.
            result.rejectValue("email", "conflict." + e.type(), e.getMessage());
        }
        return form(model);
    }

    @PostMapping("/invitations/{id}/resend")
    String resend(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            Invitations.InvitationView sent = invitations.resend(id);
            redirect.addFlashAttribute("flash", "invitations.resent");
            redirect.addFlashAttribute("flashArgument", sent.email());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
        }
        return "redirect:/app/users";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            invitations.revoke(id);
            redirect.addFlashAttribute("flash", "invitations.revoked");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
        }
        return "redirect:/app/users";
    }

    private String form(Model model) {
        model.addAttribute("roles", List.of(Role.values()));
        return FORM;
    }
}
