package app.comptoir.inspections.application;

import org.springframework.http.HttpStatus;

import app.comptoir.platform.ComptoirException;

/** The scan cannot run here (no Tesseract, no language data, or every engine busy): 503, the fields are typed. */
public class OcrUnavailableException extends ComptoirException {

    public OcrUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "ocr-unavailable", detail);
    }
}
