package app.comptoir.channels.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductPicture;
import app.comptoir.catalog.ProductView;

/**
 * The photos a listing sends: the pictures of its variant's product, in the product's order, at most
 * {@code comptoir.channels.vinted.photos} (5; each is one write the rate cap counts), read from the catalog's
 * published API. A variant the catalog does not know (a listing typed by hand) has none.
 */
@Component
public class ListingPhotos {

    /** One picture to upload: a file name for the marketplace and its bytes. */
    public record Picture(String fileName, String contentType, byte[] bytes) {
    }

    private final CatalogQueries catalog;
    private final ChannelSettings settings;

    ListingPhotos(CatalogQueries catalog, ChannelSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** How many photos a listing of this variant sends (under the business's tenant). */
    public int count(UUID variantId) {
        return images(variantId).size();
    }

    /** A photo a listing sends, as the back office shows it: its product's picture. */
    public record Thumbnail(UUID productId, UUID imageId) {
    }

    /** The photos a listing of this variant sends, in order (under the business's tenant; none for an unknown one). */
    public List<Thumbnail> thumbnails(UUID variantId) {
        ProductView product = product(variantId);
        return product == null ? List.of()
                : images(variantId).stream().map(i -> new Thumbnail(product.id(), i.id())).toList();
    }

    /** The {@code index}-th photo (0-based) of a listing of this variant (under the business's tenant). */
    public Picture picture(UUID variantId, int index) {
        ProductView product = product(variantId);
        var image = images(variantId).get(index);
        ProductPicture file = catalog.picture(product.id(), image.id(), false);
        try {
            String extension = switch (file.contentType()) {
                case "image/png" -> ".png";
                case "image/webp" -> ".webp";
                default -> ".jpg";
            };
            return new Picture("photo-" + (index + 1) + extension, file.contentType(), Files.readAllBytes(file.path()));
        } catch (IOException e) {
            throw new UncheckedIOException("The picture of the product cannot be read", e);
        }
    }

    private List<app.comptoir.catalog.ProductImageView> images(UUID variantId) {
        ProductView product = product(variantId);
        if (product == null) {
            return List.of();
        }
        return product.images().stream().limit(Math.max(0, settings.vinted().photos())).toList();
    }

    private ProductView product(UUID variantId) {
        return catalog.variant(variantId).flatMap(v -> catalog.product(v.productId())).orElse(null);
    }
}
