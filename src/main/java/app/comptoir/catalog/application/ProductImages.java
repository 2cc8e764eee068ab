package app.comptoir.catalog.application;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.catalog.ProductImageView;
import app.comptoir.catalog.domain.ProductImage;
import app.comptoir.catalog.domain.StoredImage;
import app.comptoir.catalog.persistence.ImageStore;
import app.comptoir.catalog.persistence.ProductImageRepository;
import app.comptoir.catalog.persistence.ProductRepository;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/** Adding, serving and removing the pictures of the current tenant's products. */
@Service
public class ProductImages {

    /** Pictures per product. */
    public static final int MAX_IMAGES = 20;

    private final ProductImageRepository images;
    private final ProductRepository products;
    private final ImageStore store;
    private final TenantContext tenantContext;
    private final ProductListCache listCache;
    private final Permissions permissions;
    private final TransactionTemplate transactions;

    ProductImages(ProductImageRepository images, ProductRepository products, ImageStore store,
                        TenantContext tenantContext, ProductListCache listCache, Permissions permissions,
                        PlatformTransactionManager txManager) {
        this.permissions = permissions;
        this.transactions = new TransactionTemplate(txManager);
        this.images = images;
        this.products = products;
        this.store = store;
        this.tenantContext = tenantContext;
        this.listCache = listCache;
    }

    /** A picture file to send: where it is and its content type. */
    public record ImageFile(Path path, String contentType) {
    }

    /**
     * Adds a picture (JPEG, PNG or WebP, recognised by content) at the end of the product's pictures. The
     * picture is decoded and its thumbnail made before the transaction, which holds a connection only for
     * the checks, the files' write and the row; files whose row never commits are removed on rollback,
     * and by {@link OrphanPictures} after a crash.
     */
    public ProductImageView add(UUID productId, byte[] bytes, String originalName) {
        permissions.require(Permission.CATALOG_WRITE);
        ImageStore.Prepared prepared = store.prepare(bytes);
        return transactions.execute(status -> add(productId, prepared, originalName));
    }

    private ProductImageView add(UUID productId, ImageStore.Prepared prepared, String originalName) {
        UUID tenantId = tenantContext.requireTenant();
        products.findLive(tenantId, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        if (images.countByProduct(tenantId, productId) >= MAX_IMAGES) {
            throw new ConflictException("too-many-images", "A product has at most " + MAX_IMAGES + " pictures");
        }
        UUID imageId = Ids.newId();
        StoredImage stored = store.write(tenantId, productId, imageId, prepared);
        deleteFilesOnRollback(tenantId, productId, imageId, stored);
        listCache.invalidate(tenantId);
        String name = originalName == null ? null : originalName.length() > 255 ? originalName.substring(0, 255) : originalName;
        ProductImage image = images.saveAndFlush(new ProductImage(imageId, tenantId, productId,
                images.maxPosition(tenantId, productId) + 1, stored, name));
        String url = "/api/v1/products/" + productId + "/images/" + imageId;
        return new ProductImageView(image.getId(), url, url + "?thumb=true", image.getWidth(), image.getHeight());
    }

    @Transactional(readOnly = true)
    public ImageFile file(UUID productId, UUID imageId, boolean thumb) {
        UUID tenantId = tenantContext.requireTenant();
        products.findLive(tenantId, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        ProductImage image = images.findOne(tenantId, productId, imageId)
                .orElseThrow(() -> new NotFoundException("Image", imageId));
        String type = thumb ? image.getThumbType() : image.getContentType();
        return new ImageFile(store.file(tenantId, productId, imageId, type, thumb), type);
    }

    @Transactional
    public void delete(UUID productId, UUID imageId) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenantId = tenantContext.requireTenant();
        products.findLive(tenantId, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        ProductImage image = images.findOne(tenantId, productId, imageId)
                .orElseThrow(() -> new NotFoundException("Image", imageId));
        images.delete(image);
        images.flush();
        listCache.invalidate(tenantId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                store.delete(tenantId, productId, imageId, image.getContentType(), image.getThumbType());
            }
        });
    }

    /** Copies every picture of a product to another (used when duplicating). */
    @Transactional
    public void copyAll(UUID fromProductId, UUID toProductId) {
        UUID tenantId = tenantContext.requireTenant();
        List<ProductImage> originals = images.findByProduct(tenantId, fromProductId);
        listCache.invalidate(tenantId);
        for (ProductImage original : originals) {
            UUID copyId = Ids.newId();
            store.copy(tenantId, original, toProductId, copyId);
            StoredImage stored = new StoredImage(original.getContentType(), original.getThumbType(), original.getWidth(),
                    original.getHeight(), original.getSizeBytes());
            deleteFilesOnRollback(tenantId, toProductId, copyId, stored);
            images.save(new ProductImage(copyId, tenantId, toProductId, original.getPosition(), stored,
                    original.getOriginalName()));
        }
        images.flush();
    }

    private void deleteFilesOnRollback(UUID tenantId, UUID productId, UUID imageId, StoredImage stored) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.delete(tenantId, productId, imageId, stored.contentType(), stored.thumbType());
                }
            }
        });
    }
}
