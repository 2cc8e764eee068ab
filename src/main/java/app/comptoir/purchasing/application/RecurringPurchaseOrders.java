package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.domain.RecurringSchedule;
import app.comptoir.purchasing.persistence.RecurringOrderStore;
import app.comptoir.purchasing.persistence.RecurringOrderStore.RecurringLine;
import app.comptoir.purchasing.persistence.RecurringOrderStore.RecurringRow;
import app.comptoir.purchasing.persistence.SupplierVariantView;

/**
 * Recurring purchase orders: a template (supplier, name, every N weeks on a weekday, lines) from which a DRAFT
 * is made on each due date ({@link RecurringPurchaseOrderJob}, hourly), once per due date: moving
 * {@code next_run_on} is a guarded statement in the draft's transaction ({@link RecurringOrderStore#advance}).
 */
@Service
@Transactional
public class RecurringPurchaseOrders {

    private static final Logger log = LoggerFactory.getLogger(RecurringPurchaseOrders.class);

    /** A template as given: {@code startOn} (optional) the first run's earliest day, {@code active} (default on). */
    public record RecurringRequest(UUID supplierId, String name, Integer everyWeeks, Integer dayOfWeek,
                                   LocalDate startOn, Boolean active, List<LineRequest> lines, Long version) {
    }

    /** A line of a template: the variant, the quantity, the unit cost (default: the supplier's cost). */
    public record LineRequest(UUID variantId, Integer quantity, BigDecimal unitCost) {
    }

    /** A template as shown. */
    public record RecurringView(UUID id, UUID supplierId, String supplierName, String name, int everyWeeks,
                                int dayOfWeek, LocalDate nextRunOn, boolean active, List<RecurringLine> lines,
                                long version) {
    }

    private final RecurringOrderStore store;
    private final PurchasingActor actor;
    private final Suppliers suppliers;
    private final PurchaseOrders orders;
    private final BusinessTime businessTime;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    RecurringPurchaseOrders(RecurringOrderStore store, PurchasingActor actor, Suppliers suppliers,
                            PurchaseOrders orders, BusinessTime businessTime, TenantContext tenantContext,
                            PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.actor = actor;
        this.suppliers = suppliers;
        this.orders = orders;
        this.businessTime = businessTime;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RecurringView> list() {
        actor.require(Permission.READ);
        return store.list(actor.tenant()).stream().map(r -> view(r, store.lines(actor.tenant(), r.id()))).toList();
    }

    @Transactional(readOnly = true)
    public RecurringView get(UUID id) {
        actor.require(Permission.READ);
        RecurringRow row = store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Recurring order", id));
        return view(row, store.lines(actor.tenant(), id));
    }

    public RecurringView create(RecurringRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        Checked checked = check(request, null);
        UUID id = Ids.newId();
        store.insert(actor.tenant(), id, checked.supplierId(), checked.name(), checked.schedule().everyWeeks(),
                checked.schedule().dayOfWeek(), checked.nextRunOn(), checked.active(), clock.instant());
        store.replaceLines(actor.tenant(), id, checked.lines());
        return get(id);
    }

    public RecurringView update(UUID id, RecurringRequest request) {
        actor.require(Permission.PURCHASES_WRITE);
        RecurringRow current = store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Recurring order", id));
        Checked checked = check(request, current);
        long version = request.version() == null ? current.version() : request.version();
        if (!store.update(actor.tenant(), id, version, checked.supplierId(), checked.name(),
                checked.schedule().everyWeeks(), checked.schedule().dayOfWeek(), checked.nextRunOn(), checked.active(),
                clock.instant())) {
            throw new ConflictException("stale-version", "The recurring order was changed meanwhile; reload it.");
        }
        store.replaceLines(actor.tenant(), id, checked.lines());
        return get(id);
    }

    public void delete(UUID id) {
        actor.require(Permission.PURCHASES_WRITE);
        if (!store.softDelete(actor.tenant(), id, actor.userId(), clock.instant())) {
            throw new NotFoundException("Recurring order", id);
        }
    }

    /**
     * Makes the drafts of the business's templates due as of {@code now} (in its time zone), one per template and
     * due date; how many drafts. A template that fails (its supplier deleted meanwhile) is logged and left due.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int runDue(UUID tenant, Instant now) {
        Integer made = tenantContext.callAs(tenant, () -> {
            LocalDate today = now.atZone(businessTime.zone()).toLocalDate();
            List<RecurringRow> due = tx.execute(s -> store.due(tenant, today));
            int count = 0;
            for (RecurringRow row : due == null ? List.<RecurringRow>of() : due) {
                try {
                    Boolean created = tx.execute(s -> runOne(tenant, row, today));
                    if (Boolean.TRUE.equals(created)) {
                        count++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Recurring purchase order {} of {} not made: {}", row.id(), tenant, e.getMessage());
                }
            }
            return count;
        });
        return made == null ? 0 : made;
    }

    private boolean runOne(UUID tenant, RecurringRow row, LocalDate today) {
        RecurringSchedule schedule = new RecurringSchedule(row.everyWeeks(), row.dayOfWeek());
        if (!store.advance(tenant, row.id(), row.nextRunOn(), schedule.after(row.nextRunOn(), today))) {
            return false;
        }
        List<LineDraft> lines = store.lines(tenant, row.id()).stream()
                .map(l -> new LineDraft(l.variantId(), null, null, null, l.quantity(), l.unitCost())).toList();
        orders.create(new PurchaseOrderDraft(row.supplierId(), null, null, lines, row.id(), null));
        return true;
    }

    private record Checked(UUID supplierId, String name, RecurringSchedule schedule, LocalDate nextRunOn,
                           boolean active, List<RecurringLine> lines) {
    }

    private Checked check(RecurringRequest request, RecurringRow current) {
        if (request == null) {
            throw InvalidInputException.field("name", "is required");
        }
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 120 || app.comptoir.platform.TextInput.hasControlCharacter(name)) {
            errors.add(new InvalidInputException.FieldError("name", "is required, 120 characters at most"));
        }
        int every = request.everyWeeks() == null ? 1 : request.everyWeeks();
        if (every < 1 || every > 52) {
            errors.add(new InvalidInputException.FieldError("everyWeeks", "must be from 1 to 52"));
        }
        Integer day = request.dayOfWeek();
        if (day == null || day < 1 || day > 7) {
            errors.add(new InvalidInputException.FieldError("dayOfWeek", "must be from 1 (Monday) to 7 (Sunday)"));
        }
        UUID supplierId = request.supplierId();
        if (supplierId == null || suppliers.find(supplierId).isEmpty()) {
            errors.add(new InvalidInputException.FieldError("supplierId", "is not a supplier of this business"));
        }
        List<RecurringLine> lines = new ArrayList<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("lines", "at least one line is required"));
        } else {
            for (int i = 0; i < request.lines().size(); i++) {
                LineRequest line = request.lines().get(i);
                String field = "lines[" + i + "]";
                if (line == null || line.variantId() == null) {
                    errors.add(new InvalidInputException.FieldError(field + ".variantId", "is required"));
                    continue;
                }
                if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 1_000_000_000) {
                    errors.add(new InvalidInputException.FieldError(field + ".quantity", "must be from 1 to 1000000000"));
                    continue;
                }
                BigDecimal cost = line.unitCost();
                if (cost == null && supplierId != null) {
                    cost = suppliers.terms(supplierId, line.variantId()).map(SupplierVariantView::cost).orElse(null);
                }
                if (cost == null || cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 12) {
                    errors.add(new InvalidInputException.FieldError(field + ".unitCost",
                            "is required (0 or more, 2 decimals) when the supplier has no cost for the variant"));
                    continue;
                }
                lines.add(new RecurringLine(line.variantId(), line.quantity(), cost));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        RecurringSchedule schedule = new RecurringSchedule(every, day);
        LocalDate today = businessTime.today();
        LocalDate from = request.startOn() != null && request.startOn().isAfter(today) ? request.startOn() : today;
        boolean sameSchedule = current != null && current.everyWeeks() == every && current.dayOfWeek() == day
                && request.startOn() == null;
        LocalDate next = sameSchedule ? current.nextRunOn() : schedule.firstOnOrAfter(from);
        boolean active = request.active() == null ? current == null || current.active() : request.active();
        return new Checked(supplierId, name, schedule, next, active, lines);
    }

    private static RecurringView view(RecurringRow r, List<RecurringLine> lines) {
        return new RecurringView(r.id(), r.supplierId(), r.supplierName(), r.name(), r.everyWeeks(), r.dayOfWeek(),
                r.nextRunOn(), r.active(), lines, r.version());
    }
}
