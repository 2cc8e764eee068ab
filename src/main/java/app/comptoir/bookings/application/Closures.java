package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.SetupRules.ClosureDefinition;
import app.comptoir.bookings.persistence.ClosureStore;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * Closures and holidays: the whole business or one resource, from one date to another, with a label. No slot is
 * offered on those days; appointments already booked stay (staff move or cancel them).
 */
@Service
@Transactional
public class Closures {

    /** The audit trail's entity type of closures. */
    public static final String AUDITED = "booking-closure";

    private final ClosureStore store;
    private final ResourceStore resources;
    private final BookingActor actor;
    private final BusinessTime businessTime;
    private final AuditRecorder audit;
    private final Clock clock;

    Closures(ClosureStore store, ResourceStore resources, BookingActor actor, BusinessTime businessTime,
             AuditRecorder audit, Clock clock) {
        this.store = store;
        this.resources = resources;
        this.actor = actor;
        this.businessTime = businessTime;
        this.audit = audit;
        this.clock = clock;
    }

    /** The closures not over yet (ending today or later), soonest first. */
    @Transactional(readOnly = true)
    public List<Closure> upcoming() {
        actor.require(Permission.READ);
        return store.from(actor.tenant(), businessTime.today());
    }

    /** Closes the business (resourceId null) or one resource from a date to another (both included). */
    public Closure create(UUID resourceId, LocalDate startsOn, LocalDate endsOn, String label) {
        actor.require(Permission.BOOKINGS_WRITE);
        ClosureDefinition c = SetupRules.closure(startsOn, endsOn, label);
        if (resourceId != null && resources.find(actor.tenant(), resourceId).isEmpty()) {
            throw InvalidInputException.field("resourceId", "is not a resource of this business");
        }
        UUID id = Ids.newId();
        store.insert(actor.tenant(), id, resourceId, c, clock.instant(), actor.userId());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("resourceId", resourceId == null ? null : resourceId.toString());
        f.put("startsOn", c.startsOn().toString());
        f.put("endsOn", c.endsOn().toString());
        f.put("label", c.label());
        audit.record(AUDITED, id, "CREATE", null, f);
        return new Closure(id, resourceId, c.startsOn(), c.endsOn(), c.label());
    }

    public void delete(UUID id) {
        actor.require(Permission.BOOKINGS_WRITE);
        if (!store.delete(actor.tenant(), id)) {
            throw new NotFoundException("Closure", id);
        }
        audit.record(AUDITED, id, "DELETE", null, null);
    }
}
