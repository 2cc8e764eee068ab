package app.comptoir.inspections.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.bookings.AppointmentArrivals;
import app.comptoir.inspections.InspectionCompleted;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Inspection;
import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.InspectionRefusedException;
import app.comptoir.inspections.domain.InspectionStatus;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.OutcomeRules;
import app.comptoir.inspections.domain.VehicleCategory;
import app.comptoir.inspections.persistence.InspectionStore;
import app.comptoir.inspections.persistence.InspectionSummary;
import app.comptoir.inspections.persistence.VehicleStore;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The inspection's day: checking a vehicle in (on its appointment, opened by the booking's QR code, or as a walk-in),
 * which starts a periodic inspection or, when the vehicle has a counter-visit pending, the counter-visit of its failed
 * points; grading points with comments and photos; completing with the odometer, which decides the outcome, gives the
 * report its number (no gaps) and verification code, marks the appointment done and tells the notifications module;
 * cancelling; and naming who inspects on each lane. Every role reads; INSPECTIONS_WRITE acts.
 */
@Service
@Transactional
public class Inspections {

    /** The largest defect photo kept. */
    public static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checking a vehicle in: its appointment (optional), the vehicle, the lane and inspector (else the day's). */
    public record CheckIn(UUID appointmentId, UUID vehicleId, UUID laneId, UUID inspectorId) {
    }

    /** An inspection with its vehicle and points. */
    public record InspectionDetail(Inspection.State inspection, VehicleView vehicle, String counterVisitOfNumber) {
    }

    /** The day at the centre: appointments, inspections started, lanes and who is on each. */
    public record Day(LocalDate day, ZoneId zone, List<AppointmentArrivals.Arrival> arrivals,
                      Map<UUID, UUID> inspectionOfAppointment, List<InspectionSummary> inspections,
                      List<AppointmentArrivals.Station> stations, Map<UUID, UUID> inspectorOfLane) {
    }

    private final InspectionStore store;
    private final VehicleStore vehicles;
    private final AppointmentArrivals arrivals;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final BusinessTime businessTime;
    private final AuditRecorder audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inspections(InspectionStore store, VehicleStore vehicles, AppointmentArrivals arrivals,
                TenantContext tenantContext, Permissions permissions, BusinessTime businessTime, AuditRecorder audit,
                ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.vehicles = vehicles;
        this.arrivals = arrivals;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.businessTime = businessTime;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------ reads

    @Transactional(readOnly = true)
    public Day day(LocalDate day) {
        permissions.require(Permission.READ);
        ZoneId zone = businessTime.zone();
        LocalDate d = day == null ? today() : day;
        List<AppointmentArrivals.Arrival> list = arrivals.onDay(d);
        List<InspectionSummary> started = store.between(tenant(), d.atStartOfDay(zone).toInstant(),
                d.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, UUID> byAppointment = store.ofAppointments(tenant(),
                list.stream().map(AppointmentArrivals.Arrival::id).toList());
        return new Day(d, zone, list, byAppointment, started, arrivals.stations(), store.assignments(tenant(), d));
    }

    @Transactional(readOnly = true)
    public InspectionDetail find(UUID id) {
        permissions.require(Permission.READ);
        Inspection.State s = load(id, false).state();
        VehicleView v = vehicles.find(tenant(), s.vehicleId()).orElse(null);
        String original = s.counterVisitOf() == null ? null
                : store.find(tenant(), s.counterVisitOf(), false).map(i -> i.state().reportNumber()).orElse(null);
        return new InspectionDetail(s, v, original);
    }

    /** The completed and in-progress inspections, newest first, whose plate or report number contains the text. */
    @Transactional(readOnly = true)
    public app.comptoir.platform.PageResponse<InspectionSummary> recent(String text, int page, int size) {
        permissions.require(Permission.READ);
        int p = Math.max(page, 0);
        int s = Math.clamp(size, 1, 200);
        return new app.comptoir.platform.PageResponse<>(store.recent(tenant(), text, s, p * s),
                store.countRecent(tenant(), text), p, s);
    }

    /** A defect photo of the inspection. */
    @Transactional(readOnly = true)
    public InspectionStore.Photo photo(UUID inspectionId, UUID photoId) {
        permissions.require(Permission.READ);
        return store.photo(tenant(), inspectionId, photoId).orElseThrow(() -> new NotFoundException("Photo", photoId));
    }

    // ------------------------------------------------------------------------------------------------------ acts

    /**
     * Checks a vehicle in and starts its inspection: the counter-visit of its last inspection when that one asked for
     * one and its deadline has not passed, else a periodic inspection. On an appointment: one inspection per
     * appointment (409 {@code inspection-exists} names it), not on a cancelled or missed one.
     */
    public InspectionDetail checkIn(CheckIn request) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        if (request == null || request.vehicleId() == null) {
            throw InvalidInputException.field("vehicleId", "is required");
        }
        VehicleView vehicle = vehicles.find(tenant(), request.vehicleId())
                .orElseThrow(() -> new NotFoundException("Vehicle", request.vehicleId()));
        AppointmentArrivals.Arrival appointment = null;
        if (request.appointmentId() != null) {
            appointment = arrivals.find(request.appointmentId())
                    .orElseThrow(() -> new NotFoundException("Appointment", request.appointmentId()));
            if (!"CONFIRMED".equals(appointment.status()) && !"COMPLETED".equals(appointment.status())) {
                throw new InspectionRefusedException("The appointment is " + appointment.status().toLowerCase()
                        .replace('_', ' ') + ": check the vehicle in without it");
            }
            store.byAppointment(tenant(), appointment.id()).ifPresent(existing -> {
                throw new ConflictException("inspection-exists", "This appointment's inspection is already open") {
                    @Override
                    public Map<String, Object> properties() {
                        return Map.of("inspectionId", existing.toString());
                    }
                };
            });
        }
        Inspection.Crew crew = crew(request, appointment);
        Instant now = clock.instant();
        UUID appointmentId = appointment == null ? null : appointment.id();
        Optional<Inspection> pending = pendingCounterVisit(vehicle.id());
        Inspection inspection = pending.isPresent()
                ? Inspection.startCounterVisit(pending.get(), Ids.newId(), appointmentId, crew, now, today())
                : Inspection.startPeriodic(tenant(), Ids.newId(), vehicle.id(), appointmentId,
                        VehicleCategory.valueOf(vehicle.category()), crew, now);
        Inspection.State s = inspection.state();
        store.insert(s, now, userId());
        audit.record(Inspection.AUDITED, s.id(), "CREATE", null, Map.of("vehicle", vehicle.plate(),
                "kind", s.kind().name(), "status", s.status().name()));
        return find(s.id());
    }

    /** Grades a point (a major or critical defect needs a comment; a photo given must be one of this inspection). */
    public InspectionDetail grade(UUID id, String code, Grade grade, String comment, UUID photoId) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        Inspection inspection = load(id, true);
        if (photoId != null && store.photo(tenant(), id, photoId).isEmpty()) {
            throw InvalidInputException.field("photoId", "is not a photo of this inspection");
        }
        inspection.grade(code, grade, comment, photoId, clock.instant(), userId());
        save(inspection);
        return find(id);
    }

    /** Grades OK every point of the inspection not checked yet; returns how many. */
    public int gradeUncheckedOk(UUID id) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        Inspection inspection = load(id, true);
        int count = inspection.gradeUncheckedOk(clock.instant(), userId());
        save(inspection);
        return count;
    }

    /** Keeps a defect photo (JPEG or PNG, at most 5 MB) for the inspection; its id then goes with a grade. */
    public UUID addPhoto(UUID id, String contentType, byte[] bytes) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        Inspection inspection = load(id, true);
        if (inspection.state().status() != InspectionStatus.IN_PROGRESS) {
            throw new InspectionRefusedException("The inspection can no longer change");
        }
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.field("file", "is required");
        }
        if (bytes.length > PHOTO_MAX_BYTES) {
            throw InvalidInputException.field("file", "must be at most 5 MB");
        }
        FileFormat format = FileFormat.sniff(bytes, FileFormat.JPEG, FileFormat.PNG);
        if (format == null) {
            throw InvalidInputException.field("file", "must be a JPEG or PNG picture");
        }
        UUID photoId = Ids.newId();
        store.insertPhoto(tenant(), photoId, id, format.contentType(), bytes, clock.instant(), userId());
        return photoId;
    }

    /**
     * Completes the inspection: every point graded and the odometer read; the outcome decided; the report numbered
     * (no gaps: the counter is taken only now, in this transaction) with an unguessable verification code; the
     * appointment marked done; {@link InspectionCompleted} published for the e-mail to the owner.
     */
    public InspectionDetail complete(UUID id, Integer odometerKm) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        Inspection inspection = load(id, true);
        Inspection.State s = inspection.state();
        if (s.status() != InspectionStatus.IN_PROGRESS) {
            throw new InspectionRefusedException("The inspection is already " + s.status().name().toLowerCase()
                    .replace('_', ' '));
        }
        LocalDate day = today();
        LocalDate validFrom = day;
        if (s.kind() == InspectionKind.COUNTER_VISIT && s.counterVisitOf() != null) {
            validFrom = store.find(tenant(), s.counterVisitOf(), false)
                    .map(o -> o.state().startedAt().atZone(businessTime.zone()).toLocalDate()).orElse(day);
        }
        // Refused completions roll the counter back with the transaction: a number is only ever used once given.
        OutcomeRules.Decision decision = inspection.complete(odometerKm, clock.instant(), day, validFrom,
                store.nextReportNumber(tenant(), day.getYear()), verificationCode());
        save(inspection);
        Inspection.State done = inspection.state();
        if (done.appointmentId() != null) {
            arrivals.markDone(done.appointmentId());
        }
        audit.record(Inspection.AUDITED, id, "UPDATE", Map.of("status", InspectionStatus.IN_PROGRESS.name()),
                Map.of("status", done.status().name(), "outcome", decision.outcome().name(),
                        "reportNumber", done.reportNumber()));
        events.publishEvent(new InspectionCompleted(tenant(), id, done.vehicleId(), done.reportNumber(),
                decision.outcome().name()));
        return find(id);
    }

    /** Abandons an inspection in progress (its appointment can be checked in again). */
    public InspectionDetail cancel(UUID id) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        Inspection inspection = load(id, true);
        inspection.cancel();
        save(inspection);
        audit.record(Inspection.AUDITED, id, "UPDATE", Map.of("status", InspectionStatus.IN_PROGRESS.name()),
                Map.of("status", InspectionStatus.CANCELLED.name()));
        return find(id);
    }

    /** Names who inspects on a lane on a day (null frees the lane). */
    public void assignLane(LocalDate day, UUID laneId, UUID inspectorId) {
        permissions.require(Permission.INSPECTIONS_WRITE);
        if (day == null || laneId == null) {
            throw InvalidInputException.field(day == null ? "day" : "laneId", "is required");
        }
        List<AppointmentArrivals.Station> stations = arrivals.stations();
        if (stations.stream().noneMatch(st -> st.lane() && st.id().equals(laneId))) {
            throw new NotFoundException("Lane", laneId);
        }
        if (inspectorId != null && stations.stream().noneMatch(st -> !st.lane() && st.id().equals(inspectorId))) {
            throw InvalidInputException.field("inspectorId", "is not an inspector of the centre");
        }
        store.assign(tenant(), day, laneId, inspectorId, clock.instant(), userId());
    }

    // ------------------------------------------------------------------------------------------------- internals

    /** The vehicle's last completed inspection when it asked for a counter-visit not done yet and not overdue. */
    private Optional<Inspection> pendingCounterVisit(UUID vehicleId) {
        List<InspectionSummary> history = store.ofVehicle(tenant(), vehicleId);
        Optional<InspectionSummary> last = history.stream()
                .filter(i -> "COMPLETED".equals(i.status())).findFirst();
        if (last.isEmpty() || Outcome.FAVOURABLE.name().equals(last.get().outcome())
                || last.get().counterVisitBefore() == null || today().isAfter(last.get().counterVisitBefore())) {
            return Optional.empty();
        }
        return store.find(tenant(), last.get().id(), false);
    }

    private Inspection.Crew crew(CheckIn request, AppointmentArrivals.Arrival appointment) {
        List<AppointmentArrivals.Station> stations = arrivals.stations();
        Map<UUID, UUID> onLane = store.assignments(tenant(), today());
        UUID laneId = request.laneId();
        if (laneId == null && appointment != null && stations.stream()
                .anyMatch(st -> st.lane() && st.id().equals(appointment.resourceId()))) {
            laneId = appointment.resourceId();
        }
        UUID inspectorId = request.inspectorId();
        if (inspectorId == null && appointment != null && stations.stream()
                .anyMatch(st -> !st.lane() && st.id().equals(appointment.resourceId()))) {
            inspectorId = appointment.resourceId();
        }
        if (inspectorId == null && laneId != null) {
            inspectorId = onLane.get(laneId);
        }
        final UUID lane = laneId;
        final UUID inspector = inspectorId;
        AppointmentArrivals.Station laneStation = lane == null ? null : stations.stream()
                .filter(st -> st.lane() && st.id().equals(lane)).findFirst()
                .orElseThrow(() -> InvalidInputException.field("laneId", "is not a lane of the centre"));
        AppointmentArrivals.Station inspectorStation = inspector == null ? null : stations.stream()
                .filter(st -> !st.lane() && st.id().equals(inspector)).findFirst()
                .orElseThrow(() -> InvalidInputException.field("inspectorId", "is not an inspector of the centre"));
        return new Inspection.Crew(lane, laneStation == null ? null : laneStation.name(), inspector,
                inspectorStation == null ? null : inspectorStation.name());
    }

    private Inspection load(UUID id, boolean lock) {
        return store.find(tenant(), id, lock).orElseThrow(() -> new NotFoundException("Inspection", id));
    }

    private void save(Inspection inspection) {
        if (!store.update(inspection.state(), clock.instant(), userId())) {
            throw new ConflictException("stale-version", "The inspection was changed meanwhile: reload it");
        }
    }

    private static String verificationCode() {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
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
