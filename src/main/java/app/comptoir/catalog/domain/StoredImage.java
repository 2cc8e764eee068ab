package app.comptoir.catalog.domain;

/**
 * What was kept of an uploaded picture: the content types of the original and of its thumbnail, the
 * original's dimensions in pixels and its size in bytes.
 */
public record StoredImage(String contentType, String thumbType, int width, int height, long sizeBytes) {
}
