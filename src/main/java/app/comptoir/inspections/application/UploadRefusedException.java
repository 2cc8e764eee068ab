package app.comptoir.inspections.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** An uploaded file refused for what it is: too large (413 {@code too-large}) or of another format (415). */
public class UploadRefusedException extends ComptoirException {

    private UploadRefusedException(HttpStatus status, String type, String detail) {
        super(status, type, detail);
    }

    static UploadRefusedException tooLarge() {
        return new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The file is larger than 10 MB");
    }

    static UploadRefusedException notADocument() {
        return new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "The file is not a JPEG, PNG or WebP photo nor a PDF");
    }
}
