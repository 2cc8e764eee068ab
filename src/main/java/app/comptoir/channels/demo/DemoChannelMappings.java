package app.comptoir.channels.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CategoryNode;
import app.comptoir.channels.application.ChannelMappings;
import app.comptoir.channels.domain.MappingKind;
import app.comptoir.channels.domain.MappingTable;
import app.comptoir.channels.domain.PricingRule;
import app.comptoir.channels.persistence.MappingStore;
import app.comptoir.identity.TenantCreated;
import app.comptoir.platform.TenantContext;

/**
 * The {@code seconde-main} demo business's Vinted mappings (its categories, brands and sizes; conditions and colours
 * keep the built-in defaults) and its pricing rule (5 % markup, up to the next .90, at least 5 €). Runs after the
 * catalog's demo data (same after-commit phase, registered after it), and does nothing when the business already has
 * mappings. A few sizes stay unmapped on purpose ("6 mois", "3 ans"): their listings show the field error. The ids
 * are illustrative Vinted ids, to check against Vinted's current catalog before real use. The demo's Vinted account
 * and listings are another class's.
 */
@Component
class DemoChannelMappings {

    static final String SLUG = "seconde-main";
    private static final Logger log = LoggerFactory.getLogger(DemoChannelMappings.class);

    /** Our category name → Vinted catalog id. */
    private static final Map<String, Long> CATEGORIES = Map.ofEntries(
            Map.entry("Robes", 10L), Map.entry("Hauts", 12L), Map.entry("Vestes et manteaux", 1037L),
            Map.entry("Chemises", 536L), Map.entry("Pantalons", 257L), Map.entry("Vestes", 1206L),
            Map.entry("Enfant", 1193L), Map.entry("Accessoires", 1187L), Map.entry("Chaussures", 16L));

    private static final Map<String, Long> BRANDS = Map.ofEntries(
            Map.entry("Sézane", 1183L), Map.entry("Des Petits Hauts", 4373L), Map.entry("Maje", 255L),
            Map.entry("Ba&sh", 3161L), Map.entry("Saint James", 5839L), Map.entry("Uniqlo", 1224L),
            Map.entry("Comptoir des Cotonniers", 1110L), Map.entry("Levi's", 10L), Map.entry("Patagonia", 2573L),
            Map.entry("Ralph Lauren", 88L), Map.entry("Carhartt", 362L), Map.entry("Dockers", 1500L),
            Map.entry("Le Laboureur", 1474069L), Map.entry("Baracuta", 50203L), Map.entry("Petit Bateau", 315L),
            Map.entry("Jacadi", 1464L), Map.entry("Bonpoint", 10445L), Map.entry("Longchamp", 2030L),
            Map.entry("Hermès", 4785L), Map.entry("Veja", 170888L), Map.entry("Dr. Martens", 281L),
            Map.entry("Bensimon", 6123L));

    /** Our size → Vinted size id, for every category (letter and French sizes, shoe sizes). */
    private static final Map<String, Long> SIZES = Map.ofEntries(
            Map.entry("S", 3L), Map.entry("M", 4L), Map.entry("L", 5L), Map.entry("0", 3L), Map.entry("1", 4L),
            Map.entry("T2", 5L), Map.entry("38", 5L), Map.entry("40", 6L), Map.entry("W32 L32", 209L),
            Map.entry("W34", 211L), Map.entry("4 ans", 1245L));

    /** Shoe sizes: their own ids, in the shoes category only. */
    private static final Map<String, Long> SHOE_SIZES = Map.of("38", 58L, "39", 59L, "41", 776L);

    private final MappingStore store;
    private final CatalogQueries catalog;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoChannelMappings(MappingStore store, CatalogQueries catalog, TenantContext tenantContext,
                        PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void seed(TenantCreated event) {
        if (!event.demo() || !SLUG.equals(event.slug())) {
            return;
        }
        UUID tenant = event.tenantId();
        Integer rows = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            if (!store.rows(tenant, ChannelMappings.VINTED, null).isEmpty()) {
                return 0;
            }
            Map<String, UUID> categories = new HashMap<>();
            collect(catalog.categories(), categories);
            if (categories.isEmpty()) {
                log.info("Demo Vinted mappings of {}: no catalog yet", event.slug());
                return 0;
            }
            List<MappingTable.Row> all = new ArrayList<>();
            CATEGORIES.forEach((name, id) -> {
                UUID category = categories.get(name);
                if (category != null) {
                    all.add(new MappingTable.Row(MappingKind.CATEGORY, category.toString(), "", id, name));
                }
            });
            BRANDS.forEach((brand, id) -> all.add(new MappingTable.Row(MappingKind.BRAND, brand, "", id, null)));
            SIZES.forEach((size, id) -> all.add(new MappingTable.Row(MappingKind.SIZE, size, "", id, null)));
            UUID shoes = categories.get("Chaussures");
            if (shoes != null) {
                SHOE_SIZES.forEach((size, id) -> all.add(new MappingTable.Row(MappingKind.SIZE, size,
                        shoes.toString(), id, "pointure")));
            }
            for (MappingKind kind : MappingKind.values()) {
                store.replace(tenant, ChannelMappings.VINTED, kind,
                        all.stream().filter(r -> r.kind() == kind).toList(), clock.instant());
            }
            store.savePricing(tenant, ChannelMappings.VINTED, new PricingRule(new BigDecimal("5"), BigDecimal.ZERO,
                    PricingRule.Rounding.NINETY, new BigDecimal("5.00")), clock.instant());
            return all.size();
        }));
        log.info("Demo Vinted mappings of {}: {} rows and a pricing rule", event.slug(), rows);
    }

    private static void collect(List<CategoryNode> nodes, Map<String, UUID> byName) {
        for (CategoryNode node : nodes) {
            byName.putIfAbsent(node.name(), node.id());
            collect(node.children(), byName);
        }
    }
}
