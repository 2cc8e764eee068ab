package app.comptoir.catalog.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
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

import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.application.ProductImages;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;

/** Pictures of a product: upload (JPEG, PNG, WebP), download (or its thumbnail), delete. */
@RestController
@RequestMapping("/api/v1/products/{productId}/images")
@Tag(name = "Catalog")
class ProductImageController {

    private final ProductImages images;

    ProductImageController(ProductImages images) {
        this.images = images;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a picture (multipart part 'file'; JPEG, PNG or WebP recognised by content; 10 MB max)")
    ResponseEntity<ProductImageView> upload(@PathVariable UUID productId,
                                            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InvalidInputException.field("file", "is required (a JPEG, PNG or WebP picture in the multipart part 'file')");
        }
        ProductImageView view = images.add(productId, file.getBytes(), file.getOriginalFilename());
        return ResponseEntity.created(URI.create(view.url())).body(view);
    }

    @GetMapping("/{imageId}")
    @Operation(summary = "The picture, or its thumbnail with thumb=true")
    ResponseEntity<Resource> download(@PathVariable UUID productId, @PathVariable UUID imageId,
                                      @RequestParam(defaultValue = "false") boolean thumb) {
        ProductImages.ImageFile file = images.file(productId, imageId, thumb);
        FileSystemResource resource = new FileSystemResource(file.path());
        if (!resource.exists()) {
            throw new NotFoundException("Image file", imageId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate().immutable())
                .body(resource);
    }

    @DeleteMapping("/{imageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a picture")
    void delete(@PathVariable UUID productId, @PathVariable UUID imageId) {
        images.delete(productId, imageId);
    }
}
