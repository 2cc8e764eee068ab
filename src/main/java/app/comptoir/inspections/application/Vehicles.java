package app.comptoir.inspections.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inspections.domain.DueDates;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.VehicleRules;
import app.comptoir.inspections.persistence.InspectionStore;
import app.comptoir.inspections.persistence.InspectionSummary;
import app.comptoir.inspections.persistence.VehicleStore;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The centre's vehicles: filed from a confirmed registration document or typed, found by plate, VIN, make or owner,
 * changed at the version the user saw, archived; each with its inspections and its next due date. Every role reads;
 * INSPECTIONS_WRITE files and changes.
 */
@Service
@Transactional
public class Vehicles {

    /** The audit trail's entity type of vehicles. */
    public static final String AUDITED = "vehicle";
    /** The problem type of a plate already filed. */
    public static final String PLATE_TAKEN = "vehicle-plate-taken";

    /** A vehicle's fields as typed or confirmed; {@code version} is the one the user saw (updates only). */
    public record VehicleRequest(String plate, String vin, String brand, String model, String category, String fuel,
                                 LocalDate firstRegisteredOn, String ownerName, String ownerEmail, String ownerPhone,
                                 Long version) {
        VehicleRules.Input input() {
            return new VehicleRules.Input(plate, vin, brand, model, category, fuel, firstRegisteredOn, ownerName,
                    ownerEmail, ownerPhone);
        }
    }

    /** A vehicle with its next due date and its inspections, the latest first. */
    public record VehicleDetail(VehicleView vehicle, DueDates.Due due, List<InspectionSummary> inspections) {
    }

    private final VehicleStore store;
    private final InspectionStore inspections;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final BusinessTime businessTime;
    private final AuditRecorder audit;
    private final Clock clock;

    Vehicles(VehicleStore store, InspectionStore inspections, TenantContext tenantContext, Permissions permissions,
             BusinessTime businessTime, AuditRecorder audit, Clock clock) {
        this.store = store;
        this.inspections = inspections;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.businessTime = businessTime;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResponse<VehicleView> search(String text, int page, int size) {
        permissions.require(Permission.READ);
        return store.search(tenant(), text, Math.max(page, 0), Math.clamp(size, 1, 200));
    }

    @Transactional(readOnly = true)
    public VehicleDetail find(UUID id) {
        permissions.require(Permission.READ);
        VehicleView v = store.find(tenant(), id).orElseThrow(() -> new NotFoundException("Vehicle", id));
        List<InspectionSummary> history = inspections.ofVehicle(tenant(), id);
        return new VehicleDetail(v, due(v, history).orElse(null), history);
    }

    /** The live vehicle with this plate (typed in any spelling), if filed. */
    @Transactional(readOnly = true)
    public Optional<VehicleView> byPlate(String plate) {
        permissions.require(Permission.READ);
        return app.comptoir.bookings.VehiclePlate.normalize(plate).flatMap(p -> store.byPlate(tenant(), p));
    }

    /** Files a new vehicle (409 {@code vehicle-plate-taken} when the plate is already filed). */
    public VehicleView create(VehicleRequest request) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        VehicleRules.Checked c = VehicleRules.check(request == null ? null : request.input(), today());
        store.byPlate(tenant(), c.plate()).ifPresent(existing -> {
            throw plateTaken(existing);
        });
        Instant now = clock.instant();
        VehicleView v = view(Ids.newId(), c, now, now, 0);
        store.insert(tenant(), v, userId());
        audit.record(AUDITED, v.id(), "CREATE", null, fields(v));
        return v;
    }

    /** Changes a vehicle at the version the user saw (409 when changed meanwhile or the new plate is taken). */
    public VehicleView update(UUID id, VehicleRequest request) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        VehicleView before = store.find(tenant(), id).orElseThrow(() -> new NotFoundException("Vehicle", id));
        VehicleRules.Checked c = VehicleRules.check(request == null ? null : request.input(), today());
        store.byPlate(tenant(), c.plate()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw plateTaken(other);
        });
        long version = request.version() == null ? before.version() : request.version();
        VehicleView after = view(id, c, before.createdAt(), clock.instant(), version + 1);
        if (!store.update(tenant(), after, version, userId())) {
            throw new ConflictException("stale-version", "The vehicle was changed meanwhile: reload it and try again");
        }
        audit.recordChanges(AUDITED, id, fields(before), fields(after));
        return store.find(tenant(), id).orElseThrow();
    }

    /**
     * Files the vehicle of a confirmed registration document: the one with this plate is brought up to date (the
     * fields confirmed replace the stored ones), or a new one is filed.
     */
    public VehicleView fileConfirmed(VehicleRequest request) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        VehicleRules.Checked c = VehicleRules.check(request == null ? null : request.input(), today());
        Optional<VehicleView> existing = store.byPlate(tenant(), c.plate());
        if (existing.isEmpty()) {
            return create(request);
        }
        VehicleView e = existing.get();
        return update(e.id(), new VehicleRequest(request.plate(), request.vin(), request.brand(), request.model(),
                request.category(), request.fuel(), request.firstRegisteredOn(), request.ownerName(),
                request.ownerEmail(), request.ownerPhone(), e.version()));
    }

    /** Archives a vehicle (its inspections stay, with their documents). */
    public void delete(UUID id) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        VehicleView v = store.find(tenant(), id).orElseThrow(() -> new NotFoundException("Vehicle", id));
        store.softDelete(tenant(), id, clock.instant(), userId());
        audit.record(AUDITED, id, "DELETE", fields(v), null);
    }

    /** The vehicle's next due date from its first registration and its last completed inspection. */
    public static Optional<DueDates.Due> due(VehicleView v, List<InspectionSummary> history) {
        DueDates.Last last = history.stream().filter(i -> "COMPLETED".equals(i.status())).findFirst()
                .map(i -> new DueDates.Last(Outcome.valueOf(i.outcome()), i.counterVisitBefore(), i.validUntil()))
                .orElse(null);
        return DueDates.next(v.firstRegisteredOn(), last);
    }

    private ConflictException plateTaken(VehicleView existing) {
        return new ConflictException(PLATE_TAKEN, "A vehicle with the plate " + existing.plate()
                + " is already filed") {
            @Override
            public Map<String, Object> properties() {
                return Map.of("vehicleId", existing.id().toString());
            }
        };
    }

    private static VehicleView view(UUID id, VehicleRules.Checked c, Instant created, Instant updated, long version) {
        return new VehicleView(id, c.plate(), c.vin(), c.brand(), c.model(), c.category().name(), c.fuel(),
                c.firstRegisteredOn(), c.ownerName(), c.ownerEmail(), c.ownerPhone(), created, updated, version);
    }

    private static Map<String, Object> fields(VehicleView v) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("plate", v.plate());
        f.put("vin", v.vin());
        f.put("brand", v.brand());
        f.put("model", v.model());
        f.put("category", v.category());
        f.put("fuel", v.fuel());
        f.put("firstRegisteredOn", v.firstRegisteredOn() == null ? null : v.firstRegisteredOn().toString());
        f.put("ownerName", v.ownerName());
        f.put("ownerEmail", v.ownerEmail());
        f.put("ownerPhone", v.ownerPhone());
        return f;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(businessTime.zone()));
    }

    private UUID tenant() {
        return tenantContext.requireTenant();
    }

    private UUID userId() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }
}
