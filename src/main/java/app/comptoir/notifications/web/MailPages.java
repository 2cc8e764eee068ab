package app.comptoir.notifications.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.notifications.application.Mails;
import app.comptoir.notifications.domain.MailStatus;
import app.comptoir.notifications.persistence.MailView;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/** The "Journal des e-mails" page: the delivery log, filtered by status, with "Renvoyer" on a failed or bounced mail. */
@PageController
@RequestMapping("/app/notifications/mails")
@PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
class MailPages {

    private static final String VIEW = "notifications/mails";
    private static final int PAGE_SIZE = 25;

    private final Mails mails;

    MailPages(Mails mails) {
        this.mails = mails;
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        MailStatus filter;
        try {
            filter = MailController.status(status);
        } catch (InvalidInputException e) {
            filter = null;
        }
        PageResponse<MailView> results = mails.log(filter, Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/notifications/mails");
        if (filter != null) {
            base.queryParam("status", filter.name());
        }
        model.addAttribute("mails", results);
        model.addAttribute("pager", Pager.of(results, base));
        model.addAttribute("status", filter);
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("smtpConfigured", mails.smtpConfigured());
        return VIEW;
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable UUID id, @RequestParam(required = false) String status, RedirectAttributes redirect) {
        try {
            mails.resend(id);
            redirect.addFlashAttribute("flash", "mails.retried");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.type());
        }
        MailStatus filter = null;
        try {
            filter = MailController.status(status);
        } catch (InvalidInputException e) {
            // an unknown filter shows everything
        }
        return "redirect:/app/notifications/mails" + (filter == null ? "" : "?status=" + filter.name());
    }
}
