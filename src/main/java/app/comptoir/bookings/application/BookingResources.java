package app.comptoir.bookings.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.SetupRules.ResourceDefinition;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceStore;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * The resources that perform services (inspectors, lanes): name, kind, capacity (appointments at once), whether
 * they take appointments, their weekly opening hours (several intervals a day: the gaps are breaks) and the
 * services they perform. Every role reads them; BOOKINGS_WRITE changes them. Appointments already booked stay
 * when hours change: staff move them if needed.
 */
@Service
@Transactional
public class BookingResources {

    /** The audit trail's entity type of resources. */
    public static final String AUDITED = "booking-resource";

    private final ResourceStore store;
    private final ServiceStore services;
    private final BookingActor actor;
    private final AuditRecorder audit;
    private final Clock clock;

    BookingResources(ResourceStore store, ServiceStore services, BookingActor actor, AuditRecorder audit,
                     Clock clock) {
        this.store = store;
        this.services = services;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** A resource as typed: hours and services null keep them on an update (none on a creation). */
    public record ResourceRequest(String name, String kind, Integer capacity, Boolean active,
                                  List<WeeklyHours.Entry> hours, List<UUID> serviceIds, Long version) {
    }

    @Transactional(readOnly = true)
    public List<ResourceView> list() {
        actor.require(Permission.READ);
        return store.list(actor.tenant(), false);
    }

    @Transactional(readOnly = true)
    public ResourceView find(UUID id) {
        actor.require(Permission.READ);
        return load(id);
    }

    public ResourceView create(ResourceRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        ResourceRequest r = request == null ? new ResourceRequest(null, null, null, null, null, null, null) : request;
        ResourceDefinition d = SetupRules.resource(r.name(), r.kind(), r.capacity(), r.active());
        WeeklyHours hours = WeeklyHours.check(r.hours());
        List<UUID> performed = checkedServices(r.serviceIds());
        UUID id = Ids.newId();
        Instant now = clock.instant();
        store.insert(actor.tenant(), id, d, now, actor.userId());
        store.replaceHours(actor.tenant(), id, hours, now, actor.userId());
        store.replaceServices(actor.tenant(), id, performed, now, actor.userId());
        ResourceView created = load(id);
        audit.record(AUDITED, id, "CREATE", null, fields(created));
        return created;
    }

    public ResourceView update(UUID id, ResourceRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        ResourceView before = load(id);
        ResourceRequest r = request == null ? new ResourceRequest(null, null, null, null, null, null, null) : request;
        ResourceDefinition d = SetupRules.resource(r.name(), r.kind(), r.capacity(), r.active());
        WeeklyHours hours = r.hours() == null ? null : WeeklyHours.check(r.hours());
        List<UUID> performed = r.serviceIds() == null ? null : checkedServices(r.serviceIds());
        Instant now = clock.instant();
        if (!store.update(actor.tenant(), id, d, r.version(), now, actor.userId())) {
            throw new ConflictException("concurrent-modification", "The resource was changed by someone else; reload it");
        }
        if (hours != null) {
            store.replaceHours(actor.tenant(), id, hours, now, actor.userId());
        }
        if (performed != null) {
            store.replaceServices(actor.tenant(), id, performed, now, actor.userId());
        }
        ResourceView after = load(id);
        audit.recordChanges(AUDITED, id, fields(before), fields(after));
        return after;
    }

    public void delete(UUID id) {
        actor.require(Permission.BOOKINGS_WRITE);
        load(id);
        store.delete(actor.tenant(), id, clock.instant(), actor.userId());
        audit.record(AUDITED, id, "DELETE", null, null);
    }

    private ResourceView load(UUID id) {
        return store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Resource", id));
    }

    private List<UUID> checkedServices(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<UUID> known = services.list(actor.tenant(), false).stream().map(ServiceView::id).toList();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !known.contains(ids.get(i))) {
                throw InvalidInputException.field("serviceIds[" + i + "]", "is not a service of this business");
            }
        }
        return ids.stream().distinct().toList();
    }

    private static Map<String, Object> fields(ResourceView r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", r.name());
        f.put("kind", r.kind().name());
        f.put("capacity", r.capacity());
        f.put("active", r.active());
        f.put("hours", r.hours().stream().map(h -> h.weekday() + " " + h.opensAt() + "-" + h.closesAt()).toList());
        f.put("services", r.serviceIds().stream().map(UUID::toString).toList());
        return f;
    }
}
