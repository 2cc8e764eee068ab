package app.comptoir.purchasing.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.identity.Tenants;
import app.comptoir.purchasing.persistence.SupplierStore;
import app.comptoir.purchasing.persistence.SupplierVariantStore;
import app.comptoir.purchasing.persistence.SupplierVariantView;
import app.comptoir.purchasing.persistence.SupplierView;

/**
 * The suppliers a business buys from, as contacts it keeps (create, change, favourite, delete: kept, marked
 * deleted), and the variants each supplies on its terms, with at most one preferred supplier per variant.
 */
@Service
@Transactional
public class Suppliers {

    /** The audit trail's entity types. */
    static final String AUDITED = "supplier";
    static final String AUDITED_VARIANT = "supplier_variant";

    private final SupplierStore store;
    private final SupplierVariantStore variants;
    private final CatalogQueries catalog;
    private final Tenants tenants;
    private final PurchasingActor actor;
    private final AuditRecorder audit;
    private final Clock clock;

    Suppliers(SupplierStore store, SupplierVariantStore variants, CatalogQueries catalog, Tenants tenants,
              PurchasingActor actor, AuditRecorder audit, Clock clock) {
        this.store = store;
        this.variants = variants;
        this.catalog = catalog;
        this.tenants = tenants;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** Live suppliers, favourites first then by name, narrowed to favourites and a text. */
    @Transactional(readOnly = true)
    public PageResponse<SupplierView> list(String q, boolean favouritesOnly, int page, int size) {
        actor.require(Permission.READ);
        PageRequests.of(page, size, Sort.unsorted());
        return store.list(actor.tenant(), InputChecks.text("q", q, 200), favouritesOnly, page, size);
    }

    @Transactional(readOnly = true)
    public SupplierView get(UUID id) {
        actor.require(Permission.READ);
        return store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Supplier", id));
    }

    /** A live supplier of the business, for the other services of purchasing (no permission asked). */
    @Transactional(readOnly = true)
    public Optional<SupplierView> find(UUID id) {
        return id == null ? Optional.empty() : store.find(actor.tenant(), id);
    }

    public SupplierView create(SupplierRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        SupplierStore.Contact contact = contact(request, false);
        UUID id = Ids.newId();
        store.insert(actor.tenant(), id, contact, clock.instant(), actor.userId());
        audit.record(AUDITED, id, "CREATE", null, fields(contact));
        return get(id);
    }

    public SupplierView update(UUID id, SupplierRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        SupplierView current = get(id);
        if (request != null && request.version() != null && request.version() != current.version()) {
            throw new ConflictException("concurrent-modification", "The supplier was changed by someone else; reload it");
        }
        SupplierStore.Contact contact = contact(request, current.favourite());
        if (!store.update(actor.tenant(), id, contact, clock.instant(), actor.userId())) {
            throw new NotFoundException("Supplier", id);
        }
        audit.recordChanges(AUDITED, id, fields(contact(current)), fields(contact));
        return get(id);
    }

    /** Marks the supplier and its terms as favourite or not. */
    public SupplierView favourite(UUID id, boolean favourite) {
        SupplierView s = get(id);
        return update(id, new SupplierRequest(s.name(), s.contactName(), s.phone(), s.email(), s.address(), s.city(),
                s.notes(), favourite, null));
    }

    /** Deletes the supplier (kept, marked deleted: its orders still name it) with the variants it supplied. */
    public void delete(UUID id) {
        actor.require(Permission.PURCHASES_WRITE);
        SupplierView current = get(id);
        store.delete(actor.tenant(), id, clock.instant(), actor.userId());
        audit.record(AUDITED, id, "DELETE", fields(contact(current)), null);
    }

    /** The variants the supplier supplies, with their catalog SKU and label. */
    @Transactional(readOnly = true)
    public List<SuppliedVariant> variants(UUID supplierId) {
        get(supplierId);
        return supplied(variants.ofSupplier(actor.tenant(), supplierId));
    }

    /** The terms of every live supplier of a variant, its preferred supplier first. */
    @Transactional(readOnly = true)
    public List<SuppliedVariant> suppliersOf(UUID variantId) {
        actor.require(Permission.READ);
        return supplied(variants.ofVariant(actor.tenant(), variantId));
    }

    /** The supplier's terms for the variant, if it supplies it (for pricing purchase order lines). */
    @Transactional(readOnly = true)
    public Optional<SupplierVariantView> terms(UUID supplierId, UUID variantId) {
        return variants.findByVariant(actor.tenant(), supplierId, variantId);
    }

    public SuppliedVariant addVariant(UUID supplierId, SupplierVariantRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        get(supplierId);
        if (request == null || request.variantId() == null) {
            throw InvalidInputException.field("variantId", "is required");
        }
        catalog.variant(request.variantId()).orElseThrow(() -> InvalidInputException.field("variantId", "unknown variant"));
        SupplierVariantStore.Terms terms = terms(request);
        UUID tenant = actor.tenant();
        if (variants.findByVariant(tenant, supplierId, request.variantId()).isPresent()) {
            throw new ConflictException("supplier-variant-exists", "This supplier already supplies this variant");
        }
        Instant now = clock.instant();
        if (terms.preferred()) {
            variants.unsetPreferred(tenant, request.variantId(), now, actor.userId());
        }
        UUID id = Ids.newId();
        try {
            variants.insert(tenant, id, supplierId, request.variantId(), terms, now, actor.userId());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("supplier-variant-exists", "This supplier already supplies this variant");
        }
        audit.record(AUDITED_VARIANT, id, "CREATE", null, fields(terms));
        return variant(supplierId, id);
    }

    public SuppliedVariant updateVariant(UUID supplierId, UUID id, SupplierVariantRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        SupplierVariantView current = variants.find(actor.tenant(), supplierId, id)
                .orElseThrow(() -> new NotFoundException("Supplier variant", id));
        SupplierVariantStore.Terms terms = terms(request);
        Instant now = clock.instant();
        if (terms.preferred() && !current.preferred()) {
            variants.unsetPreferred(actor.tenant(), current.variantId(), now, actor.userId());
        }
        try {
            variants.update(actor.tenant(), id, terms, now, actor.userId());
        } catch (DuplicateKeyException e) {
            // Another request made another supplier preferred for this variant at the same moment.
            throw new ConflictException("concurrent-modification", "Another supplier was just made preferred; reload");
        }
        audit.recordChanges(AUDITED_VARIANT, id, fields(new SupplierVariantStore.Terms(current.supplierSku(),
                current.cost(), current.packSize(), current.minQuantity(), current.leadTimeDays(), current.preferred())),
                fields(terms));
        return variant(supplierId, id);
    }

    public void removeVariant(UUID supplierId, UUID id) {
        actor.require(Permission.PURCHASES_WRITE);
        SupplierVariantView current = variants.find(actor.tenant(), supplierId, id)
                .orElseThrow(() -> new NotFoundException("Supplier variant", id));
        variants.delete(actor.tenant(), id, clock.instant(), actor.userId());
        audit.record(AUDITED_VARIANT, id, "DELETE", Map.of("variantId", current.variantId().toString()), null);
    }

    private SuppliedVariant variant(UUID supplierId, UUID id) {
        return supplied(variants.find(actor.tenant(), supplierId, id).stream().toList()).getFirst();
    }

    private List<SuppliedVariant> supplied(List<SupplierVariantView> rows) {
        Map<UUID, VariantSummary> known = catalog.variants(rows.stream().map(SupplierVariantView::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        return rows.stream().map(r -> {
            VariantSummary v = known.get(r.variantId());
            return new SuppliedVariant(r.id(), r.supplierId(), r.variantId(), v == null ? null : v.sku(),
                    v == null ? null : v.label(), r.supplierSku(), r.cost(), r.packSize(), r.minQuantity(),
                    r.leadTimeDays(), r.preferred());
        }).toList();
    }

    private SupplierVariantStore.Terms terms(SupplierVariantRequest r) {
        if (r == null) {
            throw InvalidInputException.field("cost", "is required");
        }
        String currency = tenants.current().currency();
        if (r.cost() == null) {
            throw InvalidInputException.field("cost", "is required");
        }
        return new SupplierVariantStore.Terms(InputChecks.text("supplierSku", r.supplierSku(), 60),
                InputChecks.amount("cost", r.cost(), currency), InputChecks.count("packSize", r.packSize(), 1, 100_000, 1),
                InputChecks.count("minQuantity", r.minQuantity(), 1, 1_000_000, 1),
                r.leadTimeDays() == null ? null : InputChecks.count("leadTimeDays", r.leadTimeDays(), 0, 365, 0),
                Boolean.TRUE.equals(r.preferred()));
    }

    private static SupplierStore.Contact contact(SupplierRequest r, boolean favouriteByDefault) {
        if (r == null) {
            throw InvalidInputException.field("name", "is required");
        }
        return new SupplierStore.Contact(InputChecks.required("name", r.name(), 160),
                InputChecks.text("contactName", r.contactName(), 120), InputChecks.phone("phone", r.phone()),
                InputChecks.email("email", r.email()), InputChecks.text("address", r.address(), 300),
                InputChecks.text("city", r.city(), 100), InputChecks.text("notes", r.notes(), 5000),
                r.favourite() == null ? favouriteByDefault : r.favourite());
    }

    private static SupplierStore.Contact contact(SupplierView s) {
        return new SupplierStore.Contact(s.name(), s.contactName(), s.phone(), s.email(), s.address(), s.city(),
                s.notes(), s.favourite());
    }

    private static Map<String, Object> fields(SupplierStore.Contact c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", c.name());
        f.put("contactName", c.contactName());
        f.put("phone", c.phone());
        f.put("email", c.email());
        f.put("address", c.address());
        f.put("city", c.city());
        f.put("notes", c.notes());
        f.put("favourite", c.favourite());
        return f;
    }

    private static Map<String, Object> fields(SupplierVariantStore.Terms t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("supplierSku", t.supplierSku());
        f.put("cost", t.cost());
        f.put("packSize", t.packSize());
        f.put("minQuantity", t.minQuantity());
        f.put("leadTimeDays", t.leadTimeDays());
        f.put("preferred", t.preferred());
        return f;
    }
}
