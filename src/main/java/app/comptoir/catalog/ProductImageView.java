package app.comptoir.catalog;

import java.util.UUID;

/** An image of a product with the API addresses of the picture and its thumbnail. */
public record ProductImageView(UUID id, String url, String thumbnailUrl, int width, int height) {
}
