package app.comptoir.purchasing.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.purchasing.application.PurchaseAttachments;
import app.comptoir.purchasing.application.SupplierRatings;

/**
 * The forms of a purchase order's page after it is sent: the supplier's rating once delivered, and the attached
 * delivery notes and invoices ({@code purchasing/follow-up.html}, included in the order's page). Errors come back
 * next to their field through flash attributes.
 */
@PageController
@RequestMapping("/app/purchasing/orders/{id}")
class FollowUpPages {

    private final SupplierRatings ratings;
    private final PurchaseAttachments attachments;

    FollowUpPages(SupplierRatings ratings, PurchaseAttachments attachments) {
        this.ratings = ratings;
        this.attachments = attachments;
    }

    @PostMapping("/rating")
    String rate(@PathVariable UUID id, @RequestParam(required = false) Integer score,
                @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        try {
            ratings.rate(id, score, comment);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("ratingError", e.errors().getFirst().field());
            redirect.addFlashAttribute("ratingComment", comment);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("ratingError", "state");
        }
        return "redirect:/app/purchasing/orders/" + id + "#rating";
    }

    @PostMapping("/attachments")
    String attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String kind, RedirectAttributes redirect) throws IOException {
        try {
            attachments.add(id, file == null ? null : file.getBytes(), file == null ? null : file.getOriginalFilename(),
                    kind);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("attachmentError", e.errors().getFirst().field());
        }
        return "redirect:/app/purchasing/orders/" + id + "#attachments";
    }

    @PostMapping("/attachments/{attachmentId}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        attachments.delete(id, attachmentId);
        return "redirect:/app/purchasing/orders/" + id + "#attachments";
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return PurchaseAttachmentController.send(attachments.file(id, attachmentId), attachmentId);
    }
}
