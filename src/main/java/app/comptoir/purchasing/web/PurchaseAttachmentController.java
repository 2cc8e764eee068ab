package app.comptoir.purchasing.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.platform.NotFoundException;
import app.comptoir.purchasing.application.PurchaseAttachments;

/** Photos and PDFs of delivery notes and invoices attached to a purchase order. */
@RestController
@RequestMapping("/api/v1/purchase-orders/{id}/attachments")
class PurchaseAttachmentController {

    private final PurchaseAttachments attachments;

    PurchaseAttachmentController(PurchaseAttachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (multipart part 'file': JPEG, PNG, WebP or PDF recognised by content, 10 MB "
            + "max; kind: DELIVERY_NOTE, INVOICE or OTHER)")
    ResponseEntity<PurchaseAttachments.Attachment> upload(@PathVariable UUID id,
                                                          @RequestPart(name = "file", required = false) MultipartFile file,
                                                          @RequestParam(required = false) String kind) throws IOException {
        // the service checks the permission before the file, so that a missing file is no answer to who may not
        PurchaseAttachments.Attachment added = attachments.add(id, file == null ? null : file.getBytes(),
                file == null ? null : file.getOriginalFilename(), kind);
        return ResponseEntity.created(URI.create(added.url())).body(added);
    }

    @GetMapping
    @Operation(summary = "The order's attachments, oldest first")
    List<PurchaseAttachments.Attachment> list(@PathVariable UUID id) {
        return attachments.of(id);
    }

    @GetMapping("/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<Resource> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return send(attachments.file(id, attachmentId), attachmentId);
    }

    @DeleteMapping("/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an attachment (kept in the history)")
    void delete(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        attachments.delete(id, attachmentId);
    }

    /** The file as a download (PDFs and pictures open inline in the browser). */
    static ResponseEntity<Resource> send(PurchaseAttachments.AttachmentFile file, UUID attachmentId) {
        FileSystemResource resource = new FileSystemResource(file.path());
        if (!resource.exists()) {
            throw new NotFoundException("Attachment file", attachmentId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(resource);
    }
}
