package app.comptoir.notifications.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.notifications.application.Mails;
import app.comptoir.notifications.domain.MailStatus;
import app.comptoir.notifications.persistence.MailView;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageResponse;

/** The e-mail delivery log of the business (administrators): what was sent to whom, how it went, and "send again". */
@RestController
@RequestMapping("/api/v1/notifications/mails")
@Tag(name = "Notifications")
class MailController {

    private final Mails mails;

    MailController(Mails mails) {
        this.mails = mails;
    }

    @GetMapping
    @Operation(summary = "The e-mails of the business, newest first: recipient, subject, kind (password-reset, "
            + "invitation, quote, notice), status (QUEUED, SENT, FAILED, BOUNCED, UNSENDABLE), the reason of a "
            + "failure or bounce, attempts and the next planned attempt")
    PageResponse<MailView> list(
            @Parameter(description = "only this status") @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return mails.log(status(status), page, size);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Sends a FAILED or BOUNCED e-mail again now (409 for any other status)")
    MailView retry(@PathVariable UUID id) {
        return mails.resend(id);
    }

    /** The status filter; an unknown one is a 400 naming the field, blank means all. */
    static MailStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return MailStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "must be one of QUEUED, SENT, FAILED, BOUNCED, UNSENDABLE");
        }
    }
}
