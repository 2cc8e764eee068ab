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
import app.comptoir.bookings.domain.SetupRules.ServiceDefinition;
import app.comptoir.bookings.persistence.ResourceStore;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceStore;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;

/**
 * The services a business offers by appointment: name, description, duration, price (in the business's currency),
 * buffers before and after, vehicle categories, whether offered on the booking page, and the resources that
 * perform it. Every role reads them; BOOKINGS_WRITE changes them. A deleted service keeps its appointments.
 */
@Service
@Transactional
public class BookableServices {

    /** The audit trail's entity type of services. */
    public static final String AUDITED = "booking-service";

    private final ServiceStore store;
    private final ResourceStore resources;
    private final BookingActor actor;
    private final Tenants tenants;
    private final AuditRecorder audit;
    private final Clock clock;

    BookableServices(ServiceStore store, ResourceStore resources, BookingActor actor, Tenants tenants,
                     AuditRecorder audit, Clock clock) {
        this.store = store;
        this.resources = resources;
        this.actor = actor;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** A service as typed, with the resources that perform it (null: unchanged on an update, none on a creation). */
    public record ServiceRequest(String name, String description, Integer durationMinutes, java.math.BigDecimal price,
                                 Integer bufferBeforeMinutes, Integer bufferAfterMinutes,
                                 List<String> vehicleCategories, Boolean active, List<UUID> resourceIds,
                                 Long version) {
    }

    @Transactional(readOnly = true)
    public List<ServiceView> list(boolean activeOnly) {
        actor.require(Permission.READ);
        return store.list(actor.tenant(), activeOnly);
    }

    @Transactional(readOnly = true)
    public ServiceView find(UUID id) {
        actor.require(Permission.READ);
        return load(id);
    }

    /** The resources that perform the service (active or not). */
    @Transactional(readOnly = true)
    public List<UUID> resourcesOf(UUID serviceId) {
        actor.require(Permission.READ);
        return resources.list(actor.tenant(), false).stream().filter(r -> r.serviceIds().contains(serviceId))
                .map(ResourceView::id).toList();
    }

    public ServiceView create(ServiceRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        ServiceRequest r = request == null ? empty() : request;
        ServiceDefinition s = SetupRules.service(input(r), tenants.current().currency());
        UUID tenant = actor.tenant();
        List<UUID> performers = checkedResources(r.resourceIds());
        UUID id = Ids.newId();
        Instant now = clock.instant();
        store.insert(tenant, id, s, now, actor.userId());
        resources.addService(tenant, performers, id, now, actor.userId());
        audit.record(AUDITED, id, "CREATE", null, fields(s));
        return load(id);
    }

    public ServiceView update(UUID id, ServiceRequest request) {
        actor.require(Permission.BOOKINGS_WRITE);
        ServiceView before = load(id);
        ServiceRequest r = request == null ? empty() : request;
        ServiceDefinition s = SetupRules.service(input(r), tenants.current().currency());
        Instant now = clock.instant();
        if (!store.update(actor.tenant(), id, s, r.version(), now, actor.userId())) {
            throw new ConflictException("concurrent-modification", "The service was changed by someone else; reload it");
        }
        if (r.resourceIds() != null) {
            List<UUID> performers = checkedResources(r.resourceIds());
            for (ResourceView resource : resources.list(actor.tenant(), false)) {
                boolean performs = resource.serviceIds().contains(id);
                if (performs != performers.contains(resource.id())) {
                    List<UUID> services = new java.util.ArrayList<>(resource.serviceIds());
                    if (performs) {
                        services.remove(id);
                    } else {
                        services.add(id);
                    }
                    resources.replaceServices(actor.tenant(), resource.id(), services, now, actor.userId());
                }
            }
        }
        audit.recordChanges(AUDITED, id, fields(before), fields(s));
        return load(id);
    }

    public void delete(UUID id) {
        actor.require(Permission.BOOKINGS_WRITE);
        load(id);
        store.delete(actor.tenant(), id, clock.instant(), actor.userId());
        audit.record(AUDITED, id, "DELETE", null, null);
    }

    ServiceView load(UUID id) {
        return store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Service", id));
    }

    private List<UUID> checkedResources(List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<UUID> known = resources.list(actor.tenant(), false).stream().map(ResourceView::id).toList();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !known.contains(ids.get(i))) {
                throw InvalidInputException.field("resourceIds[" + i + "]", "is not a resource of this business");
            }
        }
        return ids.stream().distinct().toList();
    }

    private static ServiceRequest empty() {
        return new ServiceRequest(null, null, null, null, null, null, null, null, null, null);
    }

    private static SetupRules.ServiceInput input(ServiceRequest r) {
        return new SetupRules.ServiceInput(r.name(), r.description(), r.durationMinutes(), r.price(),
                r.bufferBeforeMinutes(), r.bufferAfterMinutes(), r.vehicleCategories(), r.active());
    }

    private static Map<String, Object> fields(ServiceView s) {
        return fields(new ServiceDefinition(s.name(), s.description(), s.durationMinutes(), s.price(),
                s.bufferBeforeMinutes(), s.bufferAfterMinutes(), s.vehicleCategories(), s.active()));
    }

    private static Map<String, Object> fields(ServiceDefinition s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", s.name());
        f.put("description", s.description());
        f.put("durationMinutes", s.durationMinutes());
        f.put("price", s.price().toPlainString());
        f.put("bufferBeforeMinutes", s.bufferBeforeMinutes());
        f.put("bufferAfterMinutes", s.bufferAfterMinutes());
        f.put("vehicleCategories", s.vehicleCategories());
        f.put("active", s.active());
        return f;
    }
}
