package app.comptoir.identity.web;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.identity.application.Devices;
import app.comptoir.identity.application.Passkeys;
import app.comptoir.identity.application.Logins;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.RememberedDevices;
import app.comptoir.platform.TooManyRequestsException;

/** The signed-in user's own account: changing their password, signing out everywhere. */
@PageController
@RequestMapping("/app/account")
class AccountPages {

    private final Logins auth;
    private final WebSignIn webSignIn;
    private final Devices devices;
    private final Passkeys passkeys;
    private final boolean passkeysEnabled;

    AccountPages(Logins auth, WebSignIn webSignIn, Devices devices, Passkeys passkeys,
                 @Value("${comptoir.webauthn.enabled:true}") boolean passkeysEnabled) {
        this.passkeys = passkeys;
        this.passkeysEnabled = passkeysEnabled;
        this.auth = auth;
        this.webSignIn = webSignIn;
        this.devices = devices;
    }

    /** The devices the user stays signed in on, shown under the password form. */
    @ModelAttribute("devices")
    List<Devices.Device> devices(@AuthenticationPrincipal ComptoirPrincipal me,
                                 @CookieValue(name = RememberedDevices.COOKIE, required = false) String device) {
        return me == null ? List.of() : devices.mine(me, device);
    }

    /** The user's passkeys, shown under the devices (when passkeys are on). */
    @ModelAttribute("passkeys")
    List<Passkeys.Passkey> passkeys(@AuthenticationPrincipal ComptoirPrincipal me) {
        return me == null || !passkeysEnabled ? List.of() : passkeys.mine(me);
    }

    @ModelAttribute("passkeysEnabled")
    boolean passkeysEnabled() {
        return passkeysEnabled;
    }

    /** Deletes one of the user's passkeys: it signs nobody in any more (404 if it is not theirs). */
    @PostMapping("/passkeys/{id}/delete")
    String deletePasskey(@AuthenticationPrincipal ComptoirPrincipal me, @PathVariable String id,
                         RedirectAttributes redirect) {
        passkeys.remove(me, id);
        redirect.addFlashAttribute("flash", "passkey.deleted");
        return "redirect:/app/account/password#passkeys";
    }

    /** Revokes a remembered device: whoever holds its cookie must sign in again. */
    @PostMapping("/devices/{id}/revoke")
    String revokeDevice(@AuthenticationPrincipal ComptoirPrincipal me, @PathVariable UUID id,
                        RedirectAttributes redirect) {
        devices.revoke(me, id);
        redirect.addFlashAttribute("flash", "devices.revoked");
        return "redirect:/app/account/password#devices";
    }

    /** The password change form; the confirmation only guards against typos and stays in the page. */
    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }

    @GetMapping("/password")
    String passwordForm(@ModelAttribute("form") PasswordForm form) {
        return "identity/password";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal ComptoirPrincipal me, @ModelAttribute("form") PasswordForm form,
                          BindingResult result, RedirectAttributes redirect, HttpServletRequest request,
                          HttpServletResponse response) {
        if (!Objects.equals(form.newPassword(), form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.mismatch", "does not match the new password");
            return "identity/password";
        }
        try {
            // this session continues with the new token version; every other one ends
            webSignIn.signIn(auth.changePasswordForSession(me, form.currentPassword(), form.newPassword(),
                    ClientAddress.of(request)), request,
                    response);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "identity/password";
        } catch (TooManyRequestsException e) {
            // Next to the field, saying how long to wait, like the sign-in page.
            result.rejectValue("currentPassword", "password.throttled", new Object[] {e.retryAfterSeconds()},
                    "too many wrong passwords; try again in " + e.retryAfterSeconds() + " seconds");
            return "identity/password";
        }
        redirect.addFlashAttribute("flash", "password.changed");
        return "redirect:/app";
    }

    /** Signs out everywhere, this browser included. */
    @PostMapping("/logout-all")
    String logoutEverywhere(@AuthenticationPrincipal ComptoirPrincipal me, HttpServletRequest request) {
        auth.logoutEverywhere(me);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?logout";
    }
}
