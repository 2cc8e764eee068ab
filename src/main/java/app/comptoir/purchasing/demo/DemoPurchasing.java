package app.comptoir.purchasing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inventory.StockLocations;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.application.PurchaseOrders;
import app.comptoir.purchasing.application.ReceiptRequest;
import app.comptoir.purchasing.domain.LineQuantity;
import app.comptoir.purchasing.demo.DemoBuyers.SupplierSeed;
import app.comptoir.purchasing.demo.DemoPurchaseOrders.Offer;
import app.comptoir.purchasing.demo.DemoPurchaseOrders.Party;
import app.comptoir.purchasing.demo.DemoSupplierCatalogs.Supplier;
import app.comptoir.purchasing.persistence.DemoPurchasingRows;

/**
 * The purchasing side of the demo: the two registered suppliers' profiles and catalogs on the marketplace, the
 * Dakar shop's suppliers (manual ones and Grossiste Sandaga), what each supplies, four months of purchase orders in
 * every status with their ratings, and the garden shop's connected orders to Agri Lyon. Runs in the same
 * after-commit phase as the catalog's and the stock's demo data and after them (all keep the default, lowest order,
 * so they run in registration order: catalog, inventory, purchasing), in bulk, and does nothing for a business
 * that already has suppliers or a supplier profile. A shop's connected orders point at the supplier's catalog
 * items by their derived ids, so they need not wait for the supplier's own announcement, which comes last.
 */
@Component
class DemoPurchasing {

    private static final Logger log = LoggerFactory.getLogger(DemoPurchasing.class);
    private static final List<String> SMALL_UNITS = List.of("Sachet", "Bouteille", "Boîte", "Paquet", "Barre");

    private final CatalogQueries catalog;
    private final StockLocations locations;
    private final PurchaseOrders purchaseOrders;
    private final Tenants tenants;
    private final DemoPurchasingRows rows;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoPurchasing(CatalogQueries catalog, StockLocations locations, PurchaseOrders purchaseOrders, Tenants tenants,
                   DemoPurchasingRows rows, TenantContext tenantContext, PlatformTransactionManager transactionManager,
                   Clock clock) {
        this.catalog = catalog;
        this.locations = locations;
        this.purchaseOrders = purchaseOrders;
        this.tenants = tenants;
        this.rows = rows;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void seed(TenantCreated event) {
        Optional<Supplier> supplier = DemoSupplierCatalogs.forSlug(event.slug());
        boolean buyer = DemoBuyers.DAKAR_SHOP.equals(event.slug()) || DemoBuyers.GARDEN_SHOP.equals(event.slug());
        if (!event.demo() || (supplier.isEmpty() && !buyer)) {
            return;
        }
        long start = System.nanoTime();
        UUID tenant = event.tenantId();
        String made = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            if (rows.present(tenant)) {
                return null;
            }
            return supplier.isPresent() ? supplier(tenant, supplier.get()) : buyer(tenant, event.slug());
        }));
        if (made != null) {
            log.info("Demo purchasing of {}: {} ({} ms)", event.slug(), made, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private String supplier(UUID tenant, Supplier supplier) {
        if (!tenants.current().supplier()) {
            return null;
        }
        Instant registered = clock.instant().minus(Duration.ofDays(200));
        DemoSupplierCatalogs.Profile p = supplier.profile();
        rows.insertProfile(new DemoPurchasingRows.Profile(tenant, p.company(), p.description(), p.city(), p.zones(),
                p.categories(), p.minimumOrder(), p.currency(), p.deliveryDays(), p.phone(), p.email(), registered));
        List<DemoPurchasingRows.Product> products = new ArrayList<>();
        for (DemoSupplierCatalogs.Product item : supplier.products()) {
            products.add(new DemoPurchasingRows.Product(DemoSupplierCatalogs.productId(supplier.slug(), item.code()),
                    tenant, item.name(), item.category(), item.description(), item.price(), item.unit(),
                    item.minQuantity(), item.stock(), item.available(), registered.plus(Duration.ofDays(2))));
        }
        rows.insertProducts(products);
        return "profile and " + products.size() + " catalog items";
    }

    private String buyer(UUID tenant, String slug) {
        TenantProfile shop = tenants.current();
        boolean dakar = DemoBuyers.DAKAR_SHOP.equals(slug);
        Instant now = clock.instant();
        List<SupplierSeed> seeds = dakar ? DemoBuyers.DAKAR_SUPPLIERS : DemoBuyers.GARDEN_SUPPLIERS;
        Map<String, Party> parties = new LinkedHashMap<>();
        List<DemoPurchasingRows.Supplier> suppliers = new ArrayList<>();
        for (SupplierSeed s : seeds) {
            UUID registered = null;
            if (s.registeredSlug() != null) {
                registered = tenants.bySlug(s.registeredSlug()).filter(TenantProfile::supplier).map(TenantProfile::id)
                        .orElse(null);
                if (registered == null) {
                    continue; // the registered supplier was not created: the shop's other suppliers remain
                }
            }
            UUID id = DemoIds.of(slug, "supplier", s.key());
            parties.put(s.key(), new Party(s.key(), id, s.name(), registered, s.leadDays()));
            suppliers.add(new DemoPurchasingRows.Supplier(id, tenant, s.name(), s.contact(), s.phone(), s.email(),
                    s.address(), s.city(), s.notes(), s.favourite(), registered,
                    now.minus(Duration.ofDays(registered == null ? 150 : 130))));
        }
        if (suppliers.isEmpty()) {
            return null;
        }
        Map<String, List<Offer>> offers = dakar ? dakarOffers(slug, seeds, parties) : gardenOffers(parties);
        List<DemoPurchasingRows.SupplierVariant> links = new ArrayList<>();
        for (List<Offer> offered : offers.values()) {
            for (Offer o : offered) {
                if (o.variantId() != null) {
                    links.add(new DemoPurchasingRows.SupplierVariant(
                            DemoIds.of(slug, "supplier-variant", o.supplierKey(), o.variantId().toString()), tenant,
                            parties.get(o.supplierKey()).id(), o.variantId(), o.supplierSku(), o.cost(), o.packSize(),
                            o.minQuantity(), o.leadDays(), o.preferred(), o.supplierProductId(),
                            now.minus(Duration.ofDays(140))));
                }
            }
        }
        rows.insertSuppliers(suppliers);
        rows.insertSupplierVariants(links);
        UUID shopFloor = locations.defaultLocation().id();
        DemoPurchaseOrders.Made made = new DemoPurchaseOrders(slug, tenant, shop.name(), shop.currency(),
                ZoneId.of(shop.timezone()), now, shopFloor)
                .make(dakar ? DemoBuyers.DAKAR_PLANS : DemoBuyers.GARDEN_PLANS, parties, offers);
        rows.insertOrders(made.orders(), made.lines(), made.history(), made.counters(), tenant);
        rows.insertRatings(made.ratings());
        for (DemoPurchaseOrders.Receipt receipt : made.receipts()) {
            receive(receipt, shopFloor);
        }
        if (dakar) {
            rows.insertSettings(tenant, "WEIGHTED_AVERAGE", 3, now.minus(Duration.ofDays(150)));
        }
        return suppliers.size() + " suppliers, " + links.size() + " supplied variants, " + made.orders().size()
                + " purchase orders, " + made.ratings().size() + " ratings";
    }

    /**
     * Receives a shipped order into the shop through the purchase orders, as the shopkeeper would: RECEIPT
     * movements in the stock ledger, the variants' cost, the receipt and the DELIVERED step, at the clock's instant.
     * The demo acts for no user, as the system.
     */
    private void receive(DemoPurchaseOrders.Receipt receipt, UUID location) {
        purchaseOrders.receive(receipt.orderId(), new ReceiptRequest(receipt.id(), location,
                "Livrée ce matin, rangée en réserve.",
                receipt.lines().stream().map(l -> new LineQuantity(l.id(), l.quantity())).toList()), null);
    }

    /**
     * Each staple of the Dakar shop with its suppliers in the rule's order of preference: manual suppliers sell
     * by the pack at about three quarters of the shelf price, the registered one the packs of its catalog at its
     * catalog price.
     */
    private Map<String, List<Offer>> dakarOffers(String slug, List<SupplierSeed> seeds, Map<String, Party> parties) {
        Map<String, SupplierSeed> byKey = new LinkedHashMap<>();
        seeds.forEach(s -> byKey.put(s.key(), s));
        Map<String, DemoSupplierCatalogs.Product> registeredCatalog = DemoSupplierCatalogs.sandaga().byCode();
        Random random = new Random(slug.hashCode() * 31L);
        Map<String, List<Offer>> offers = new LinkedHashMap<>();
        Set<UUID> supplied = new HashSet<>();
        for (VariantSummary v : variants("BA-")) {
            DemoBuyers.SupplyRule rule = DemoBuyers.DAKAR_RULES.stream()
                    .filter(r -> r.productName().equals(v.productName())).findFirst().orElse(null);
            if (rule == null || !v.active()) {
                continue;
            }
            String pack = v.options().values().stream().findFirst().orElse("");
            for (String key : rule.supplierKeys()) {
                Party party = parties.get(key);
                if (party == null) {
                    continue;
                }
                SupplierSeed seed = byKey.get(key);
                Offer offer;
                if (party.registeredTenantId() != null) {
                    String code = rule.registeredCodes().get(pack);
                    DemoSupplierCatalogs.Product item = code == null ? null : registeredCatalog.get(code);
                    if (item == null) {
                        continue;
                    }
                    offer = new Offer(key, v.id(), DemoSupplierCatalogs.productId(DemoSupplierCatalogs.SANDAGA, code),
                            v.sku(), v.label(), code, item.price(), 1, item.minQuantity(), seed.leadDays(),
                            supplied.add(v.id()));
                } else {
                    boolean small = pack.isEmpty() || SMALL_UNITS.stream().anyMatch(pack::startsWith);
                    int packSize = small ? (pack.isEmpty() && "piece".equals(v.unit()) ? 24 : 12) : 1;
                    BigDecimal cost = v.price().multiply(BigDecimal.valueOf(74 + random.nextInt(9)))
                            .divide(BigDecimal.valueOf(100 * 25), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(25));
                    offer = new Offer(key, v.id(), null, v.sku(), v.label(), seed.skuPrefix() + v.sku().substring(2),
                            cost, packSize, small ? packSize : 2, seed.leadDays(), supplied.add(v.id()));
                }
                offers.computeIfAbsent(key, k -> new ArrayList<>()).add(offer);
            }
        }
        return offers;
    }

    /** The garden variants Agri Lyon sells (a few per catalog item), or its items alone if none is found. */
    private Map<String, List<Offer>> gardenOffers(Map<String, Party> parties) {
        Party party = parties.get(DemoBuyers.REGISTERED);
        Map<String, DemoSupplierCatalogs.Product> agri = DemoSupplierCatalogs.agriLyon().byCode();
        List<VariantSummary> garden = new ArrayList<>();
        for (String prefix : List.of("TER-", "ENG-", "GAZ-", "PAI-")) {
            garden.addAll(catalog.variants(prefix, 0, 200).items());
        }
        List<Offer> offers = new ArrayList<>();
        Set<UUID> linked = new HashSet<>();
        for (DemoBuyers.GardenMatch match : DemoBuyers.GARDEN_MATCHES) {
            DemoSupplierCatalogs.Product item = agri.get(match.code());
            int perItem = 0;
            for (VariantSummary v : garden) {
                if (perItem < 2 && v.active() && v.productName().startsWith(match.namePrefix())
                        && v.options().containsValue(match.optionValue()) && v.price().compareTo(item.price()) > 0
                        && linked.add(v.id())) {
                    offers.add(new Offer(party.key(), v.id(), DemoSupplierCatalogs.productId(DemoSupplierCatalogs.AGRI_LYON,
                            match.code()), v.sku(), v.label(), match.code(), item.price(), 1, item.minQuantity(),
                            party.leadDays(), true));
                    perItem++;
                }
            }
        }
        if (offers.isEmpty()) {
            for (DemoSupplierCatalogs.Product item : DemoSupplierCatalogs.agriLyon().products().stream()
                    .filter(DemoSupplierCatalogs.Product::available).limit(8).toList()) {
                offers.add(new Offer(party.key(), null, DemoSupplierCatalogs.productId(DemoSupplierCatalogs.AGRI_LYON,
                        item.code()), item.code(), item.name(), item.code(), item.price(), 1, item.minQuantity(),
                        party.leadDays(), false));
            }
        }
        return Map.of(party.key(), offers);
    }

    private List<VariantSummary> variants(String prefix) {
        List<VariantSummary> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch = catalog.variants(prefix, page, 200);
            all.addAll(batch.items());
            if ((long) (page + 1) * 200 >= batch.total()) {
                return all;
            }
        }
    }
}
