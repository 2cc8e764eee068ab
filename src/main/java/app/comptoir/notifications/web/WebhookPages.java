package app.comptoir.notifications.web;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.notifications.application.WebhookDeliveries;
import app.comptoir.notifications.application.WebhookEndpoints;
import app.comptoir.notifications.domain.WebhookDelivery;
import app.comptoir.notifications.domain.WebhookEndpoint;
import app.comptoir.notifications.domain.WebhookEventType;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * "Webhooks" (administration): the endpoints of the business, the form to register or change one, its signing
 * secret (copy, roll), a test event, and its delivery log with a replay button on every delivery.
 */
@PageController
@RequestMapping("/app/settings/webhooks")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class WebhookPages {

    private static final String BASE = "/app/settings/webhooks";
    private static final int LOG_PAGE = 20;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhookPages(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** The form of an endpoint: its URL, description, the events chosen and whether it is on. */
    record EndpointForm(String url, String description, List<String> events, Boolean enabled) {

        static EndpointForm empty() {
            return new EndpointForm("https://", null, List.of(), true);
        }

        static EndpointForm of(WebhookEndpoint e) {
            return new EndpointForm(e.url(), e.description(), e.events(), e.enabled());
        }

        WebhookEndpoints.Changes changes() {
            return new WebhookEndpoints.Changes(url, description, events == null ? List.of() : events,
                    Boolean.TRUE.equals(enabled));
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", endpoints.list());
        return "notifications/webhooks";
    }

    @GetMapping("/new")
    String newEndpoint(Model model) {
        model.addAttribute("form", EndpointForm.empty());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") EndpointForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            WebhookEndpoint created = endpoints.create(form.changes());
            redirect.addFlashAttribute("flash", "webhooks.created");
            redirect.addFlashAttribute("revealSecret", true);
            return "redirect:" + BASE + "/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String endpoint(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        WebhookEndpoint endpoint = endpoints.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EndpointForm.of(endpoint));
        }
        return detail(model, endpoint, page);
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("form") EndpointForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        try {
            endpoints.update(id, form.changes());
            redirect.addFlashAttribute("flash", "webhooks.saved");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return detail(model, endpoints.get(id), 0);
        }
    }

    @PostMapping("/{id}/secret")
    String rollSecret(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.rollSecret(id);
        redirect.addFlashAttribute("flash", "webhooks.secret.rolled");
        redirect.addFlashAttribute("revealSecret", true);
        return "redirect:" + BASE + "/" + id + "#secret";
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.sendTest(id);
        redirect.addFlashAttribute("flash", "webhooks.test.sent");
        return "redirect:" + BASE + "/" + id + "#deliveries";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        endpoints.delete(id);
        redirect.addFlashAttribute("flash", "webhooks.deleted");
        return "redirect:" + BASE;
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    String replay(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        try {
            deliveries.replay(deliveryId);
            redirect.addFlashAttribute("flash", "webhooks.replayed");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flash", "webhooks.replay.busy");
        }
        return "redirect:" + BASE + "/" + id + "#deliveries";
    }

    private String form(Model model, WebhookEndpoint endpoint) {
        model.addAttribute("eventTypes", eventTypes());
        model.addAttribute("endpoint", endpoint);
        return "notifications/webhook";
    }

    private String detail(Model model, WebhookEndpoint endpoint, int page) {
        PageResponse<WebhookDelivery> log = deliveries.page(endpoint.id(), Math.max(0, page), LOG_PAGE);
        model.addAttribute("deliveries", log);
        model.addAttribute("pager", Pager.of(log, UriComponentsBuilder.fromPath(BASE + "/" + endpoint.id())));
        return form(model, endpoint);
    }

    private static List<String> eventTypes() {
        return new ArrayList<>(Arrays.stream(WebhookEventType.values()).map(WebhookEventType::type).toList());
    }
}
