package app.comptoir.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;

import app.comptoir.platform.Jobs;

/** An export job's file as a download, for the API and the pages alike. */
final class JobFiles {

    private JobFiles() {
    }

    static ResponseEntity<byte[]> download(Jobs.File file) {
        MediaType type = file.name().endsWith(".csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaTypeFactory.getMediaType(file.name()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name())
                        .build().toString())
                .body(file.bytes());
    }
}
