package app.comptoir.catalog.demo;

import java.awt.Color;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.demo.CatalogSeed.ProductSeed;
import app.comptoir.catalog.demo.ProductIllustrations.Kind;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.StoredImage;
import app.comptoir.catalog.persistence.ImageStore;
import app.comptoir.platform.Ids;

/**
 * Gives every product of a demo catalog its pictures, drawn ({@link ProductIllustrations}: nothing is
 * downloaded) and stored exactly as uploaded pictures are: a file and its thumbnail in the {@link ImageStore},
 * a {@code product_images} row. A product with a colour option ({@code Couleur}, {@code Coloris},
 * {@code Finition}, {@code Toile}, {@code Teinte}) gets one picture per colour, in the order of the option's
 * values, tinted by it and named after it ({@code pot-rond-toscane-anthracite.jpg}); others get one
 * picture in the usual colour of their kind.
 *
 * <p>The same kind and colour give the same picture, so each is drawn and encoded once (about a hundred
 * for the garden shop's thousand products) and the other products get hard links to its files
 * ({@link ImageStore#share}). Runs in the caller's transaction, which must be for the tenant.
 */
@Component
class DemoPictures {

    /** Side of a drawn picture, in pixels; its thumbnail is drawn at {@link ImageStore#THUMB_SIZE}. */
    static final int SIZE = 800;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final ImageStore store;
    private final ProductListCache listCache;
    private final Clock clock;

    DemoPictures(JdbcTemplate jdbc, ImageStore store, ProductListCache listCache, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.listCache = listCache;
        this.clock = clock;
    }

    /** One drawing: a kind in a colour. */
    private record Look(Kind kind, int rgb) {
    }

    /** Where a drawing was first stored, for the next products to share it. */
    private record Stored(UUID productId, UUID imageId, StoredImage image) {
    }

    /** Draws and stores the pictures of the seed's products (found by slug); returns how many pictures. */
    int addTo(UUID tenantId, CatalogSeed seed) {
        Map<String, UUID> ids = new HashMap<>();
        jdbc.query("select slug, id from products where tenant_id = ? and deleted_at is null",
                rs -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                }, tenantId);
        Map<Look, Stored> drawn = new HashMap<>();
        Map<Look, ImageStore.Prepared> prepared = prepare(seed);
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<Object[]> rows = new ArrayList<>();
        for (ProductSeed product : seed.products()) {
            UUID productId = ids.get(product.slug());
            if (productId == null) {
                continue;
            }
            int position = 0;
            for (Map.Entry<String, Look> colour : looks(product).entrySet()) {
                Look look = colour.getValue();
                UUID imageId = Ids.newId();
                Stored first = drawn.get(look);
                StoredImage image;
                if (first == null) {
                    image = store.write(tenantId, productId, imageId, prepared.get(look));
                    drawn.put(look, new Stored(productId, imageId, image));
                } else {
                    image = first.image();
                    store.share(tenantId, first.productId(), first.imageId(), productId, imageId, image);
                }
                String name = product.slug() + (colour.getKey().isEmpty() ? "" : "-" + ProductRules.slugOf(colour.getKey()))
                        + ".jpg";
                rows.add(new Object[] {imageId, productId, position++, image, name});
            }
        }
        jdbc.batchUpdate("""
                insert into product_images (id, tenant_id, product_id, position, content_type, thumb_type, width, height,
                                            size_bytes, original_name, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows, BATCH, (ps, row) -> {
                    StoredImage image = (StoredImage) row[3];
                    ps.setObject(1, row[0]);
                    ps.setObject(2, tenantId);
                    ps.setObject(3, row[1]);
                    ps.setInt(4, (Integer) row[2]);
                    ps.setString(5, image.contentType());
                    ps.setString(6, image.thumbType());
                    ps.setInt(7, image.width());
                    ps.setInt(8, image.height());
                    ps.setLong(9, image.sizeBytes());
                    ps.setString(10, (String) row[4]);
                    ps.setTimestamp(11, now);
                    ps.setTimestamp(12, now);
                });
        listCache.invalidate(tenantId);
        return rows.size();
    }

    /** Every distinct drawing of the seed, drawn and encoded (in parallel: they are independent). */
    private static Map<Look, ImageStore.Prepared> prepare(CatalogSeed seed) {
        List<Look> looks = seed.products().stream().flatMap(p -> looks(p).values().stream()).distinct().toList();
        Map<Look, ImageStore.Prepared> prepared = new java.util.concurrent.ConcurrentHashMap<>();
        looks.parallelStream().forEach(look -> {
            Color tint = new Color(look.rgb());
            byte[] original = ProductIllustrations.jpeg(ProductIllustrations.draw(look.kind(), tint, SIZE));
            byte[] thumb = ProductIllustrations.jpeg(ProductIllustrations.draw(look.kind(), tint, ImageStore.THUMB_SIZE));
            prepared.put(look, new ImageStore.Prepared(ImageStore.Format.JPEG, original, ImageStore.Format.JPEG, thumb,
                    SIZE, SIZE));
        });
        return prepared;
    }

    /** The product's drawings by colour value (one, under "", without a colour option). */
    private static Map<String, Look> looks(ProductSeed product) {
        Kind kind = ProductIllustrations.kindOf(product.categoryPath());
        Map<String, Look> looks = new LinkedHashMap<>();
        for (ProductOption option : product.options()) {
            if (ProductIllustrations.isColourOption(option.name())) {
                for (String value : option.values()) {
                    looks.put(value, new Look(kind, ProductIllustrations.tint(kind, value).getRGB()));
                }
                return looks;
            }
        }
        looks.put("", new Look(kind, ProductIllustrations.tint(kind, null).getRGB()));
        return looks;
    }
}
