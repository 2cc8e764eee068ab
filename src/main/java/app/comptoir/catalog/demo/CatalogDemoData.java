package app.comptoir.catalog.demo;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantCreated;
import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.TenantContext;

/**
 * Fills the demo businesses' catalogs when they are created: the generated garden catalog for
 * {@code jardin-des-lilas} ({@code comptoir.demo.catalog-products} products, 1000 by default) and
 * the small hand-written catalogs of the others; then the garden shop's pictures, drawn
 * ({@link DemoPictures}, on their own thread beside the rest of the demo when it loads in the background;
 * {@code comptoir.demo.pictures=false} leaves them out). Runs after the tenant is committed, in its own
 * transaction for that tenant; does nothing for a tenant that already has products, so a replayed
 * event is harmless.
 */
@Component
class CatalogDemoData {

    static final String GARDEN_SHOP = "jardin-des-lilas";
    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final CatalogLoader loader;
    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final int gardenProducts;
    private final DemoProgress progress;
    private final DemoPictures pictures;
    private final boolean drawPictures;
    private final boolean background;

    CatalogDemoData(CatalogLoader loader, JdbcTemplate jdbc, TenantContext tenantContext,
                    PlatformTransactionManager transactionManager, DemoProgress progress, DemoPictures pictures,
                    @Value("${comptoir.demo.catalog-products:1000}") int gardenProducts,
                    @Value("${comptoir.demo.pictures:true}") boolean drawPictures,
                    @Value("${comptoir.demo.background:true}") boolean background) {
        this.background = background;
        this.progress = progress;
        this.pictures = pictures;
        this.drawPictures = drawPictures;
        this.loader = loader;
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.gardenProducts = gardenProducts;
    }

    // First of the demo loaders (after-commit listeners run in their order): the stock and the modules built on the
    // catalog and its stock (channels, purchasing, sales) follow.
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.LOWEST_PRECEDENCE - 2)
    void seed(TenantCreated event) {
        if (!event.demo()) {
            return;
        }
        CatalogSeed seed = GARDEN_SHOP.equals(event.slug()) ? GardenCatalog.generate(gardenProducts)
                : SmallShopCatalogs.forSlug(event.slug()).orElse(null);
        if (seed == null) {
            return;
        }
        long start = System.nanoTime();
        UUID tenantId = event.tenantId();
        Integer loaded = tenantContext.callAs(tenantId, () -> tx.execute(status -> {
            Boolean hasProducts = jdbc.queryForObject("select exists (select 1 from products where tenant_id = ?)",
                    Boolean.class, tenantId);
            if (Boolean.TRUE.equals(hasProducts)) {
                return 0;
            }
            int count = loader.load(tenantId, seed);
            if (DemoSecondHandAttributes.SLUG.equals(event.slug())) {
                DemoSecondHandAttributes.fill(jdbc, tenantId);
            }
            return count;
        }));
        if (loaded != null && loaded > 0) {
            log.info("Demo catalog of {}: {} products, {} variants ({} ms)", event.slug(), loaded, seed.variantCount(),
                    (System.nanoTime() - start) / 1_000_000);
            if (drawPictures && GARDEN_SHOP.equals(event.slug())) {
                Runnable draw = () -> {
                    long drawing = System.nanoTime();
                    Integer count = tenantContext.callAs(tenantId, () -> tx.execute(status -> pictures.addTo(tenantId, seed)));
                    log.info("Demo pictures of {}: {} pictures ({} ms)", event.slug(), count,
                            (System.nanoTime() - drawing) / 1_000_000);
                };
                if (background) {
                    // Beside the rest of the demo (stock, orders), which mostly waits on the database: the
                    // drawings use the other core instead of delaying it.
                    Thread.ofPlatform().name("demo-pictures").daemon().start(() -> {
                        try {
                            draw.run();
                        } catch (RuntimeException e) {
                            log.warn("Demo pictures of {} not drawn", event.slug(), e);
                        }
                    });
                } else {
                    draw.run();
                }
            }
        }
        if (GARDEN_SHOP.equals(event.slug())) {
            progress.reach(15); // about a sixth of the demo's loading time
        }
    }
}
