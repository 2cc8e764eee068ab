package app.comptoir.inspections.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;

/**
 * An inspection and its rules: it starts with the checklist of the vehicle's category (periodic) or with the points
 * an earlier inspection failed (counter-visit, refused once that inspection's two months are over); each point is
 * graded while it is IN_PROGRESS; it completes only when every point is graded, with the odometer reading, and the
 * outcome is decided by {@link OutcomeRules}; or it is cancelled. The use case loads it, asks, stores.
 */
public class Inspection {

    /** The audit trail's entity type of inspections. */
    public static final String AUDITED = "inspection";
    /** The longest comment on a point. */
    public static final int COMMENT_MAX = 1000;

    /** Everything a stored inspection holds. */
    public record State(UUID tenantId, UUID id, UUID vehicleId, UUID appointmentId, InspectionKind kind,
                        UUID counterVisitOf, InspectionStatus status, UUID laneId, String laneName, UUID inspectorId,
                        String inspectorName, VehicleCategory category, Integer odometerKm, Instant startedAt,
                        Instant completedAt, Outcome outcome, LocalDate counterVisitBefore, LocalDate validUntil,
                        String reportNumber, String verificationCode, long version, List<PointResult> points) {
    }

    /** Who inspects and where. */
    public record Crew(UUID laneId, String laneName, UUID inspectorId, String inspectorName) {
        /** Nobody named yet. */
        public static final Crew NONE = new Crew(null, null, null, null);
    }

    private State state;
    private final Map<String, PointResult> points = new LinkedHashMap<>();

    private Inspection(State state) {
        this.state = state;
        state.points().forEach(p -> points.put(p.code(), p));
    }

    /** A stored inspection. */
    public static Inspection restore(State state) {
        return new Inspection(state);
    }

    /** A periodic inspection of a vehicle of this category: its whole checklist, nothing graded. */
    public static Inspection startPeriodic(UUID tenantId, UUID id, UUID vehicleId, UUID appointmentId,
                                           VehicleCategory category, Crew crew, Instant at) {
        List<PointResult> list = Checklists.of(category).stream().map(PointResult::unchecked).toList();
        return new Inspection(new State(tenantId, id, vehicleId, appointmentId, InspectionKind.PERIODIC, null,
                InspectionStatus.IN_PROGRESS, crew.laneId(), crew.laneName(), crew.inspectorId(), crew.inspectorName(),
                category, null, at, null, null, null, null, null, null, 0, list));
    }

    /**
     * The counter-visit of a completed inspection that asked for one, on {@code day}: only its failed points, none
     * graded. Refused when the inspection was favourable, is not completed, or its deadline has passed (a full
     * inspection is then required).
     */
    public static Inspection startCounterVisit(Inspection original, UUID id, UUID appointmentId, Crew crew,
                                               Instant at, LocalDate day) {
        State o = original.state;
        if (o.status() != InspectionStatus.COMPLETED || o.outcome() == Outcome.FAVOURABLE) {
            throw new InspectionRefusedException("Only a completed inspection that asked for a counter-visit has one");
        }
        if (day.isAfter(o.counterVisitBefore())) {
            throw new InspectionRefusedException("The counter-visit was due by " + o.counterVisitBefore()
                    + ": a full inspection is required now");
        }
        List<PointResult> failed = original.points.values().stream()
                .filter(p -> p.grade() != null && p.grade().fails())
                .map(p -> new PointResult(p.code(), p.function(), p.position(), null, null, null, null, null))
                .toList();
        return new Inspection(new State(o.tenantId(), id, o.vehicleId(), appointmentId, InspectionKind.COUNTER_VISIT,
                o.id(), InspectionStatus.IN_PROGRESS, crew.laneId(), crew.laneName(), crew.inspectorId(),
                crew.inspectorName(), o.category(), null, at, null, null, null, null, null, null, 0, failed));
    }

    /**
     * Grades one point. A major or critical defect needs a comment saying what was found. Refused once the inspection
     * is no longer in progress; an unknown code is a 404.
     */
    public void grade(String code, Grade grade, String comment, UUID photoId, Instant at, UUID by) {
        requireInProgress();
        PointResult point = points.get(code);
        if (point == null) {
            throw new NotFoundException("Control point", code);
        }
        if (grade == null) {
            throw InvalidInputException.field("grade", "Choose OK, minor, major or critical");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw InvalidInputException.field("comment", "At most " + COMMENT_MAX + " characters");
        }
        if (grade.fails() && text == null) {
            throw InvalidInputException.field("comment", "Describe the defect found");
        }
        points.put(code, new PointResult(code, point.function(), point.position(), grade, text,
                grade == Grade.OK ? null : photoId, at, by));
    }

    /** Grades OK every point not checked yet (the inspector found nothing else); returns how many. */
    public int gradeUncheckedOk(Instant at, UUID by) {
        requireInProgress();
        int count = 0;
        for (PointResult point : List.copyOf(points.values())) {
            if (point.grade() == null) {
                points.put(point.code(), new PointResult(point.code(), point.function(), point.position(), Grade.OK,
                        null, null, at, by));
                count++;
            }
        }
        return count;
    }

    /**
     * Completes the inspection: every point graded, the odometer read (required for a periodic inspection), the
     * outcome decided on {@code day} (validity counted from {@code validFrom}: the day itself, or for a
     * counter-visit the day of the inspection it follows), with the report number and verification code given.
     */
    public OutcomeRules.Decision complete(Integer odometerKm, Instant at, LocalDate day, LocalDate validFrom,
                                          String reportNumber, String verificationCode) {
        requireInProgress();
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (PointResult point : points.values()) {
            if (point.grade() == null) {
                errors.add(new InvalidInputException.FieldError("points." + point.code(), "Not checked yet"));
            }
        }
        if (odometerKm == null && state.kind() == InspectionKind.PERIODIC) {
            errors.add(new InvalidInputException.FieldError("odometerKm", "Read the odometer"));
        } else if (odometerKm != null && (odometerKm < 0 || odometerKm > 9_999_999)) {
            errors.add(new InvalidInputException.FieldError("odometerKm", "Between 0 and 9,999,999 km"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The inspection cannot be completed yet", errors);
        }
        OutcomeRules.Decision decision = OutcomeRules.decide(grades(), day, validFrom);
        State s = state;
        state = new State(s.tenantId(), s.id(), s.vehicleId(), s.appointmentId(), s.kind(), s.counterVisitOf(),
                InspectionStatus.COMPLETED, s.laneId(), s.laneName(), s.inspectorId(), s.inspectorName(),
                s.category(), odometerKm, s.startedAt(), at, decision.outcome(), decision.counterVisitBefore(),
                decision.validUntil(), reportNumber, verificationCode, s.version(), List.of());
        return decision;
    }

    /** Abandons an inspection in progress (no number was given, so none is lost). */
    public void cancel() {
        requireInProgress();
        State s = state;
        state = new State(s.tenantId(), s.id(), s.vehicleId(), s.appointmentId(), s.kind(), s.counterVisitOf(),
                InspectionStatus.CANCELLED, s.laneId(), s.laneName(), s.inspectorId(), s.inspectorName(),
                s.category(), s.odometerKm(), s.startedAt(), null, null, null, null, null, null, s.version(),
                List.of());
    }

    /** Who inspects and where, while in progress. */
    public void assign(Crew crew) {
        requireInProgress();
        State s = state;
        state = new State(s.tenantId(), s.id(), s.vehicleId(), s.appointmentId(), s.kind(), s.counterVisitOf(),
                s.status(), crew.laneId(), crew.laneName(), crew.inspectorId(), crew.inspectorName(),
                s.category(), s.odometerKm(), s.startedAt(), s.completedAt(), s.outcome(), s.counterVisitBefore(),
                s.validUntil(), s.reportNumber(), s.verificationCode(), s.version(), List.of());
    }

    private void requireInProgress() {
        if (state.status() != InspectionStatus.IN_PROGRESS) {
            throw new InspectionRefusedException("The inspection is " + state.status().name().toLowerCase()
                    .replace('_', ' ') + ": it can no longer change");
        }
    }

    private Collection<Grade> grades() {
        return points.values().stream().map(PointResult::grade).toList();
    }

    /** The inspection's state now, with its points in order. */
    public State state() {
        State s = state;
        return new State(s.tenantId(), s.id(), s.vehicleId(), s.appointmentId(), s.kind(), s.counterVisitOf(),
                s.status(), s.laneId(), s.laneName(), s.inspectorId(), s.inspectorName(), s.category(),
                s.odometerKm(), s.startedAt(), s.completedAt(), s.outcome(), s.counterVisitBefore(), s.validUntil(),
                s.reportNumber(), s.verificationCode(), s.version(), List.copyOf(points.values()));
    }

    /** One point, if the inspection has it. */
    public PointResult point(String code) {
        return points.get(code);
    }
}
