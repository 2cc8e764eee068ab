package app.comptoir.catalog.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.TenantOwnedEntity;

/** A picture of a product; the file and its thumbnail live in the image store. */
@Entity
@Table(name = "product_images")
@AuditTrail("product-image")
public class ProductImage extends TenantOwnedEntity {

    @Column(name = "product_id", nullable = false, updatable = false)
    private UUID productId;

    private int position;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "thumb_type")
    private String thumbType;

    private int width;
    private int height;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "original_name")
    private String originalName;

    protected ProductImage() {
    }

    public ProductImage(UUID id, UUID tenantId, UUID productId, int position, StoredImage stored,
                        String originalName) {
        super(id, tenantId);
        this.productId = productId;
        this.position = position;
        this.contentType = stored.contentType();
        this.thumbType = stored.thumbType();
        this.width = stored.width();
        this.height = stored.height();
        this.sizeBytes = stored.sizeBytes();
        this.originalName = originalName;
    }

    public UUID getProductId() {
        return productId;
    }

    public int getPosition() {
        return position;
    }

    public String getContentType() {
        return contentType;
    }

    public String getThumbType() {
        return thumbType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getOriginalName() {
        return originalName;
    }
}
