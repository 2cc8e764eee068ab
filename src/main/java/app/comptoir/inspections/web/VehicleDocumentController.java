package app.comptoir.inspections.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

import app.comptoir.inspections.application.VehicleDocuments;

/**
 * The registration and identity documents kept for a vehicle, sealed at rest and deleted at the end of the centre's
 * retention period: upload, list, download, delete. Only those who run inspections (INSPECTIONS_WRITE).
 */
@RestController
@RequestMapping("/api/v1/inspections/vehicles/{vehicleId}/documents")
@Tag(name = "Inspections: vehicle documents")
@PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
class VehicleDocumentController {

    private final VehicleDocuments documents;

    VehicleDocumentController(VehicleDocuments documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Keep a document for the vehicle (multipart part 'file': JPEG, PNG, WebP or PDF recognised by "
            + "content, 10 MB max; kind: REGISTRATION or IDENTITY)",
            description = "Sealed at rest and deleted at the end of the centre's retention period (deleteAfter). "
                    + "404 when the vehicle is not the business's.")
    ResponseEntity<VehicleDocuments.Document> upload(@PathVariable UUID vehicleId,
                                                     @RequestPart(name = "file", required = false) MultipartFile file,
                                                     @RequestParam(required = false) String kind) throws IOException {
        VehicleDocuments.Document kept = documents.upload(vehicleId, file == null ? null : file.getBytes(),
                file == null ? null : file.getOriginalFilename(), kind);
        return ResponseEntity.created(URI.create(kept.url())).body(kept);
    }

    @GetMapping
    @Operation(summary = "The vehicle's documents, newest first, without their content")
    List<VehicleDocuments.Document> list(@PathVariable UUID vehicleId) {
        return documents.of(vehicleId);
    }

    @GetMapping("/{documentId}")
    @Operation(summary = "Download a document (opened)")
    ResponseEntity<byte[]> download(@PathVariable UUID vehicleId, @PathVariable UUID documentId) {
        VehicleDocuments.DocumentFile file = documents.file(vehicleId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.bytes());
    }

    @DeleteMapping("/{documentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a document now")
    void delete(@PathVariable UUID vehicleId, @PathVariable UUID documentId) {
        documents.delete(vehicleId, documentId);
    }
}
