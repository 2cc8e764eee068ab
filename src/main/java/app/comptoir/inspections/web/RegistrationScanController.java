package app.comptoir.inspections.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.inspections.application.RegistrationScanner;

/** The registration-document scan: a photo or a PDF in, the fields proposed for confirmation out; nothing stored. */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "Inspections: registration-document scan")
@PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
class RegistrationScanController {

    private final RegistrationScanner scanner;

    RegistrationScanController(RegistrationScanner scanner) {
        this.scanner = scanner;
    }

    @PostMapping(path = "/scans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Read a registration document (multipart part 'file': JPEG, PNG, WebP or PDF recognised by "
            + "content, 10 MB max)",
            description = "Proposes the fields A (plate), B (first registration, yyyy-mm-dd), D.1 (brand), D.3 (model), "
                    + "E (VIN), J (category), P.3 (fuel) and C.1 (owner), each with the raw text read, a confidence "
                    + "from 0 to 1 and, when it does not validate, the problem. Nothing is stored. 400 empty or "
                    + "unreadable file, 413 too large, 415 not a photo nor a PDF, 503 OCR unavailable (type the fields).")
    RegistrationScanner.Scan scan(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        return scanner.scan(file == null ? null : file.getBytes());
    }
}
