package app.comptoir.catalog;

import java.nio.file.Path;

/** The stored file of a product's picture (or of its thumbnail) and its content type, to send as it is. */
public record ProductPicture(Path path, String contentType) {
}
