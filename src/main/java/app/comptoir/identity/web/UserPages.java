package app.comptoir.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.identity.UserView;
import app.comptoir.identity.Users;
import app.comptoir.identity.application.Invitations;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.Role;

/** Administrators manage the users of their business: list, search, create, edit, disable, delete. */
@PageController
@RequestMapping("/app/users")
@PreAuthorize("@rolePermissions.has('USERS_MANAGE')")
class UserPages {

    private static final int PAGE_SIZE = 20;
    private static final String LIST = "identity/users/list";
    private static final String FORM = "identity/users/form";

    private final Users users;
    private final Invitations invitations;

    UserPages(Users users, Invitations invitations) {
        this.users = users;
        this.invitations = invitations;
    }

    /** The user form, for creating (password required) and editing (blank password: unchanged). */
    record UserForm(String email, String name, String password, Set<Role> roles) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        // Filters come from a URL anyone can edit: unknown values mean "no filter", never an error.
        Role roleFilter = Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(role)).findFirst()
                .orElse(null);
        Boolean enabled = switch (status == null ? "" : status) {
            case "active" -> Boolean.TRUE;
            case "disabled" -> Boolean.FALSE;
            default -> null;
        };
        String query = q == null ? "" : q.strip();
        PageResponse<UserView> results = users.list(roleFilter, query, enabled, Math.max(0, page), PAGE_SIZE, "name");
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/users");
        if (!query.isEmpty()) {
            base.queryParam("q", query);
        }
        if (roleFilter != null) {
            base.queryParam("role", roleFilter.name());
        }
        if (enabled != null) {
            base.queryParam("status", status);
        }
        model.addAttribute("users", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("q", query);
        model.addAttribute("role", roleFilter);
        model.addAttribute("status", enabled == null ? "" : status);
        model.addAttribute("filtered", !query.isEmpty() || roleFilter != null || enabled != null);
        model.addAttribute("roles", List.of(Role.values()));
        // The same URL answers htmx (the results only) and the browser (the whole page): caches must know.
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        if (Htmx.isPartial(request)) {
            return LIST + " :: results";
        }
        model.addAttribute("invitations", invitations.open());
        return LIST;
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new UserForm("", "", "", Set.of()));
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        // A value that could not even be read (a tampered role) is reported before the service is asked.
        if (result.hasErrors()) {
            return form(model, null);
        }
        try {
            UserView created = users.create(new Users.NewUser(form.email(), form.name(), form.password(),
                    form.roles()));
            redirect.addFlashAttribute("flash", "users.created");
            redirect.addFlashAttribute("flashArgument", created.name());
            return "redirect:/app/users";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            reject(result, model, e);
        }
        return form(model, null);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        UserView user = users.get(id);
        model.addAttribute("form", new UserForm(user.email(), user.name(), "", user.roles()));
        return form(model, user);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        UserView user = users.get(id);
        if (result.hasErrors()) {
            return form(model, user);
        }
        try {
            users.update(id, new Users.UserChanges(form.email(), form.name(), form.roles(), form.password()));
            redirect.addFlashAttribute("flash", "users.updated");
            return "redirect:/app/users/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            reject(result, model, e);
        }
        return form(model, user);
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            users.setEnabled(id, enabled);
            redirect.addFlashAttribute("flash", enabled ? "users.enabled" : "users.disabled");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
        }
        return "redirect:/app/users/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            users.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
            return "redirect:/app/users/" + id;
        }
        redirect.addFlashAttribute("flash", "users.deleted");
        return "redirect:/app/users";
    }

    private String form(Model model, UserView user) {
        model.addAttribute("user", user);
        model.addAttribute("roles", List.of(Role.values()));
        return FORM;
    }

    // A taken e-mail belongs next to its field; the other conflicts (last admin, own account) are alerts.
    private static void reject(BindingResult result, Model model, ConflictException e) {
        if ("email-taken".equals(e.type())) {
            result.rejectValue("email", "conflict.email-taken", e.getMessage());
        } else {
            model.addAttribute("conflict", e.type().toLowerCase(Locale.ROOT));
        }
    }
}
