package app.comptoir.inspections.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.bookings.AppointmentArrivals;
import app.comptoir.bookings.AppointmentArrivals.Arrival;
import app.comptoir.bookings.AppointmentArrivals.Station;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.UserView;
import app.comptoir.identity.Users;
import app.comptoir.inspections.domain.Checklists;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Inspection;
import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.InspectionStatus;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.inspections.domain.VehicleCategory;
import app.comptoir.inspections.persistence.DemoInspectionRows;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * The inspections of the demo inspection centre ({@code ct-du-centre}), built on the bookings demo's appointments:
 * a vehicle per plate (make, model, fuel, VIN and first registration fitting the plate; the customer as owner), who
 * inspects on each lane every day the centre works (Sébastien Roux on Ligne 1, Nadia Benkhaled on Ligne 2), and for
 * every appointment done a completed inspection: the whole checklist graded (mostly OK, some minor defects, about
 * one in six with a major one, one in twenty-five a critical one), the outcome decided by the domain's rules, the
 * report numbered in completion order without gaps. A vehicle that comes back for its "Contre-visite" while one is
 * pending gets the counter-visit of its failed points (favourable); the others stay due. The appointment under way
 * today, if any, has its inspection in progress. Deterministic (seeded), in one transaction after the bookings demo
 * (same after-commit phase, ordered after it), and nothing for a business that already has vehicles.
 */
@Component
class DemoInspections {

    private static final Logger log = LoggerFactory.getLogger(DemoInspections.class);

    static final String SLUG = "ct-du-centre";
    private static final String COUNTER_VISIT_SERVICE = "Contre-visite";
    /** The demo motorist, whose account the storefront's demo opens at the centre (same address there). */
    static final String MOTORIST_EMAIL = "client@ct-du-centre.demo";
    static final String MOTORIST_NAME = "Julien Moreau";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** Who works which lane: the first lane's inspector, then the second's. */
    private static final List<String> LANE_INSPECTORS = List.of("Sébastien Roux", "Nadia Benkhaled");

    private final DemoInspectionRows rows;
    private final AppointmentArrivals arrivals;
    private final Users users;
    private final TenantContext tenantContext;
    private final BusinessTime businessTime;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoInspections(DemoInspectionRows rows, AppointmentArrivals arrivals, Users users, TenantContext tenantContext,
                    BusinessTime businessTime, PlatformTransactionManager transactionManager, Clock clock) {
        this.rows = rows;
        this.arrivals = arrivals;
        this.users = users;
        this.tenantContext = tenantContext;
        this.businessTime = businessTime;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** After the bookings demo of the centre ({@code DemoBookings} runs at a higher precedence on the same event). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void seed(TenantCreated event) {
        if (!event.demo() || !SLUG.equals(event.slug())) {
            return;
        }
        long start = System.nanoTime();
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            String made = tenantContext.callAs(event.tenantId(), () -> tx.execute(status -> {
                if (rows.present(event.tenantId())) {
                    return null;
                }
                actAsManager();
                return seed(event.tenantId());
            }));
            if (made != null) {
                log.info("Demo inspections of {}: {} ({} ms)", event.slug(), made,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String seed(UUID tenant) {
        ZoneId zone = businessTime.zone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Random random = new Random(("inspections:" + SLUG).hashCode());

        long reading = System.nanoTime();
        List<Arrival> booked = new ArrayList<>();
        for (LocalDate day = today.minusDays(42); !day.isAfter(today.plusDays(14)); day = day.plusDays(1)) {
            booked.addAll(arrivals.onDay(day));
        }
        if (booked.isEmpty()) {
            return null; // no bookings demo to build on
        }
        booked.sort(Comparator.comparing(Arrival::startsAt).thenComparing(Arrival::id));
        long read = (System.nanoTime() - reading) / 1_000_000;
        List<Station> stations = arrivals.stations();
        Map<UUID, Station> byId = new HashMap<>();
        stations.forEach(s -> byId.put(s.id(), s));
        List<Station> lanes = stations.stream().filter(Station::lane).toList();
        Map<UUID, Station> inspectorOfLane = new HashMap<>();
        for (int i = 0; i < lanes.size() && i < LANE_INSPECTORS.size(); i++) {
            String name = LANE_INSPECTORS.get(i);
            UUID lane = lanes.get(i).id();
            stations.stream().filter(s -> !s.lane() && s.name().equals(name)).findFirst()
                    .ifPresent(s -> inspectorOfLane.put(lane, s));
        }

        // The vehicles: one per plate, as its first appointment tells it.
        Map<String, VehicleView> vehicles = new LinkedHashMap<>();
        for (Arrival a : booked) {
            if (a.vehiclePlate() == null || vehicles.containsKey(a.vehiclePlate())) {
                continue;
            }
            String category = VehicleCategory.of(a.vehicleCategory()).orElse(VehicleCategory.M1).name();
            DemoFindings.Identity id = DemoFindings.identify(a.vehiclePlate(), category, today, random);
            Instant filed = (a.startsAt().isBefore(now) ? a.startsAt() : now).minus(Duration.ofMinutes(5));
            vehicles.put(a.vehiclePlate(), new VehicleView(v7(filed.toEpochMilli(), random), a.vehiclePlate(), id.vin(),
                    id.brand(), id.model(), category, id.fuel(), id.firstRegistered(), a.customerName(), a.email(),
                    a.phone(), filed, filed, 0));
        }

        // Who inspects on each lane, every day the centre works (a day with appointments).
        List<DemoInspectionRows.Assignment> assignments = new ArrayList<>();
        booked.stream().map(a -> LocalDate.ofInstant(a.startsAt(), zone)).distinct().forEach(day -> {
            Instant planned = day.minusDays(7).atTime(17, 0).atZone(zone).toInstant();
            inspectorOfLane.forEach((lane, inspector) -> assignments.add(new DemoInspectionRows.Assignment(day, lane,
                    inspector.id(), planned.isBefore(now) ? planned : now)));
        });
        assignments.sort(Comparator.comparing(DemoInspectionRows.Assignment::day)
                .thenComparing(a -> byId.get(a.laneId()).name()));

        // The appointments done, their inspection finished a few minutes before the appointment's end; numbered
        // in the order they were completed, per year.
        List<Arrival> done = booked.stream().filter(a -> "COMPLETED".equals(a.status()) && a.vehiclePlate() != null)
                .toList();
        Map<UUID, Instant> completedAt = new HashMap<>();
        for (Arrival a : done) {
            long minutes = Duration.between(a.startsAt(), a.endsAt()).toMinutes();
            Instant at = a.startsAt().plus(Duration.ofMinutes(Math.max(8, minutes - 3 - random.nextInt(6))))
                    .plusSeconds(random.nextInt(60));
            completedAt.put(a.id(), at.isAfter(now) ? now : at);
        }
        Map<UUID, String> numbers = new HashMap<>();
        Map<Integer, Integer> lastNumber = new LinkedHashMap<>();
        done.stream().sorted(Comparator.comparing((Arrival a) -> completedAt.get(a.id())).thenComparing(Arrival::id))
                .forEach(a -> {
                    int year = completedAt.get(a.id()).atZone(zone).getYear();
                    int number = lastNumber.merge(year, 1, Integer::sum);
                    numbers.put(a.id(), "PV-" + year + "-" + String.format(Locale.ROOT, "%06d", number));
                });

        // A vehicle booked for its "Contre-visite" failed its inspection before: the dates it comes back on.
        Map<String, List<Instant>> comesBack = new HashMap<>();
        booked.stream().filter(a -> COUNTER_VISIT_SERVICE.equals(a.serviceName()) && a.vehiclePlate() != null)
                .forEach(a -> comesBack.computeIfAbsent(a.vehiclePlate(), p -> new ArrayList<>()).add(a.startsAt()));

        Map<UUID, Inspection> lastOfVehicle = new HashMap<>();
        Map<UUID, Integer> odometers = new HashMap<>();
        List<Inspection.State> inspections = new ArrayList<>();
        int counterVisits = 0;
        for (Arrival a : done) {
            VehicleView vehicle = vehicles.get(a.vehiclePlate());
            LocalDate day = LocalDate.ofInstant(a.startsAt(), zone);
            Inspection.Crew crew = crew(a, day, byId, inspectorOfLane);
            Inspection pending = pending(lastOfVehicle.get(vehicle.id()), day);
            Instant finished = completedAt.get(a.id());
            Inspection inspection;
            LocalDate validFrom = day;
            int odometer;
            if (pending != null) {
                inspection = Inspection.startCounterVisit(pending, v7(a.startsAt().toEpochMilli(), random), a.id(),
                        crew, a.startsAt(), day);
                validFrom = LocalDate.ofInstant(pending.state().startedAt(), zone);
                odometer = pending.state().odometerKm() + 20 + random.nextInt(400);
                gradeCounterVisit(inspection, a.startsAt(), finished, random);
                counterVisits++;
            } else {
                VehicleCategory category = VehicleCategory.valueOf(vehicle.category());
                inspection = Inspection.startPeriodic(tenant, v7(a.startsAt().toEpochMilli(), random), vehicle.id(),
                        a.id(), category, crew, a.startsAt());
                boolean mustFail = comesBack.getOrDefault(a.vehiclePlate(), List.of()).stream().anyMatch(back ->
                        back.isAfter(finished) && !LocalDate.ofInstant(back, zone).isAfter(day.plusMonths(2)));
                gradePeriodic(inspection, category, mustFail, a.startsAt(), finished, random);
                Integer before = odometers.get(vehicle.id());
                odometer = before == null ? odometer(vehicle, day, random) : before + 100 + random.nextInt(2_000);
            }
            odometers.put(vehicle.id(), odometer);
            inspection.complete(odometer, finished, LocalDate.ofInstant(finished, zone), validFrom,
                    numbers.get(a.id()), verificationCode(random));
            lastOfVehicle.put(vehicle.id(), inspection);
            inspections.add(inspection.state());
        }

        // The appointment under way on a lane today: its inspection is in progress, a few points checked.
        int inProgress = 0;
        Arrival underWay = booked.stream().filter(a -> "CONFIRMED".equals(a.status()) && a.vehiclePlate() != null
                        && LocalDate.ofInstant(a.startsAt(), zone).equals(today) && !a.startsAt().isAfter(now)
                        && byId.containsKey(a.resourceId()) && byId.get(a.resourceId()).lane())
                .reduce((first, second) -> second).orElse(null);
        if (underWay != null) {
            VehicleView vehicle = vehicles.get(underWay.vehiclePlate());
            Inspection.Crew crew = crew(underWay, today, byId, inspectorOfLane);
            Inspection pending = pending(lastOfVehicle.get(vehicle.id()), today);
            Inspection inspection = pending != null
                    ? Inspection.startCounterVisit(pending, v7(underWay.startsAt().toEpochMilli(), random),
                            underWay.id(), crew, underWay.startsAt(), today)
                    : Inspection.startPeriodic(tenant, v7(underWay.startsAt().toEpochMilli(), random), vehicle.id(),
                            underWay.id(), VehicleCategory.valueOf(vehicle.category()), crew, underWay.startsAt());
            List<PointResult> points = inspection.state().points();
            int checked = Math.min(points.size() - 1, 4 + random.nextInt(6));
            Instant at = underWay.startsAt();
            for (int i = 0; i < checked; i++) {
                at = at.plusSeconds(40 + random.nextInt(60));
                inspection.grade(points.get(i).code(), Grade.OK, null, null, at.isAfter(now) ? now : at, null);
            }
            inspections.add(inspection.state());
            inProgress = 1;
        }

        String motorist = giveToDemoMotorist(vehicles, inspections);

        long writing = System.nanoTime();
        rows.insert(tenant, List.copyOf(vehicles.values()), assignments, inspections, lastNumber);
        long written = (System.nanoTime() - writing) / 1_000_000;
        long pendingCounterVisits = lastOfVehicle.values().stream().map(Inspection::state)
                .filter(s -> s.outcome() != Outcome.FAVOURABLE && !today.isAfter(s.counterVisitBefore())).count();
        return vehicles.size() + " vehicles, " + assignments.size() + " lane assignments, "
                + (inspections.size() - inProgress) + " inspections completed (" + counterVisits
                + " counter-visits, " + pendingCounterVisits + " pending), " + inProgress + " in progress; "
                + booked.size() + " appointments read in " + read + " ms, rows written in " + written + " ms; "
                + MOTORIST_EMAIL + " owns " + motorist;
    }

    /**
     * The demo motorist's vehicles, filed under {@value #MOTORIST_EMAIL} (the storefront demo's account of the
     * centre signs in with it): one that came back for its counter-visit (two inspections, a certificate) and, when
     * there is one, one whose counter-visit is still due. Deterministic: the first such plates in order.
     */
    private static String giveToDemoMotorist(Map<String, VehicleView> vehicles, List<Inspection.State> inspections) {
        Map<UUID, List<Inspection.State>> byVehicle = new HashMap<>();
        inspections.stream().filter(s -> s.status() == InspectionStatus.COMPLETED)
                .forEach(s -> byVehicle.computeIfAbsent(s.vehicleId(), v -> new ArrayList<>()).add(s));
        List<String> plates = new ArrayList<>();
        vehicles.values().stream().filter(v -> byVehicle.getOrDefault(v.id(), List.of()).stream()
                        .anyMatch(s -> s.kind() == InspectionKind.COUNTER_VISIT && s.outcome() == Outcome.FAVOURABLE))
                .findFirst().ifPresent(v -> plates.add(v.plate()));
        vehicles.values().stream().filter(v -> !plates.contains(v.plate()))
                .filter(v -> {
                    List<Inspection.State> done = byVehicle.getOrDefault(v.id(), List.of());
                    return !done.isEmpty() && done.getLast().outcome() == Outcome.COUNTER_VISIT;
                })
                .findFirst().ifPresent(v -> plates.add(v.plate()));
        for (String plate : plates) {
            VehicleView v = vehicles.get(plate);
            vehicles.put(plate, new VehicleView(v.id(), v.plate(), v.vin(), v.brand(), v.model(), v.category(),
                    v.fuel(), v.firstRegisteredOn(), MOTORIST_NAME, MOTORIST_EMAIL, v.ownerPhone(), v.createdAt(),
                    v.updatedAt(), v.version()));
        }
        return plates.isEmpty() ? "no vehicle" : String.join(", ", plates);
    }

    /** Where and by whom: the appointment's lane and who works it that day, or the inspector it was booked with. */
    private static Inspection.Crew crew(Arrival a, LocalDate day, Map<UUID, Station> stations,
                                        Map<UUID, Station> inspectorOfLane) {
        Station booked = stations.get(a.resourceId());
        if (booked == null) {
            return Inspection.Crew.NONE;
        }
        if (!booked.lane()) {
            return new Inspection.Crew(null, null, booked.id(), booked.name());
        }
        Station inspector = inspectorOfLane.get(booked.id());
        return new Inspection.Crew(booked.id(), booked.name(), inspector == null ? null : inspector.id(),
                inspector == null ? null : inspector.name());
    }

    /** The vehicle's last inspection when it asked for a counter-visit still possible on {@code day}, else null. */
    private static Inspection pending(Inspection last, LocalDate day) {
        if (last == null || last.state().outcome() == Outcome.FAVOURABLE
                || day.isAfter(last.state().counterVisitBefore())) {
            return null;
        }
        return last;
    }

    /**
     * The whole checklist graded: mostly OK, a minor defect or two on many vehicles, a major one on about one in six
     * (always when the vehicle is booked back for its counter-visit), a critical one on one in twenty-five.
     */
    private static void gradePeriodic(Inspection inspection, VehicleCategory category, boolean mustFail,
                                      Instant from, Instant until, Random random) {
        List<String> codes = Checklists.of(category).stream().map(p -> p.code()).toList();
        Map<String, Grade> found = new LinkedHashMap<>();
        double roll = random.nextDouble();
        if (roll < 0.04) {
            found.put(pick(codes, Grade.CRITICAL, found.keySet(), random), Grade.CRITICAL);
        }
        if (roll < 0.04 ? random.nextBoolean() : roll < 0.19 || mustFail) {
            int majors = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < majors; i++) {
                found.put(pick(codes, Grade.MAJOR, found.keySet(), random), Grade.MAJOR);
            }
        }
        int minors = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < minors; i++) {
            found.put(pick(codes, Grade.MINOR, found.keySet(), random), Grade.MINOR);
        }
        gradeAll(inspection, found, from, until, random);
    }

    /** The failed points checked again: repaired, now and then with a minor remark left. */
    private static void gradeCounterVisit(Inspection inspection, Instant from, Instant until, Random random) {
        Map<String, Grade> found = new LinkedHashMap<>();
        for (PointResult p : inspection.state().points()) {
            if (random.nextInt(8) == 0 && DemoFindings.remarkable(p.code(), Grade.MINOR)) {
                found.put(p.code(), Grade.MINOR);
            }
        }
        gradeAll(inspection, found, from, until, random);
    }

    /** Grades every point in order (the found ones with what the inspector wrote, the others OK) between the times. */
    private static void gradeAll(Inspection inspection, Map<String, Grade> found, Instant from, Instant until,
                                 Random random) {
        List<PointResult> points = inspection.state().points();
        long step = Math.max(1, Duration.between(from, until).toSeconds() / (points.size() + 1));
        for (int i = 0; i < points.size(); i++) {
            String code = points.get(i).code();
            Grade grade = found.getOrDefault(code, Grade.OK);
            String comment = grade == Grade.OK ? null : DemoFindings.remark(code, grade, random);
            inspection.grade(code, grade, comment, null, from.plusSeconds(step * (i + 1)), null);
        }
    }

    private static String pick(List<String> codes, Grade grade, Set<String> taken, Random random) {
        List<String> possible = codes.stream().filter(c -> !taken.contains(c) && DemoFindings.remarkable(c, grade))
                .toList();
        return possible.get(random.nextInt(possible.size()));
    }

    /** What the odometer reads: about 12,000 km a year for a car, 22,000 for a van, little for a collection car. */
    private static int odometer(VehicleView vehicle, LocalDate day, Random random) {
        long days = Math.max(365, ChronoUnit.DAYS.between(vehicle.firstRegisteredOn(), day));
        if (days > 30 * 365) {
            return 60_000 + random.nextInt(120_000);
        }
        int yearly = "N1".equals(vehicle.category()) ? 22_000 : 12_000;
        return (int) (days * yearly / 365 * (0.6 + random.nextDouble() * 0.8));
    }

    /** A verification code of the same alphabet and length as the ones {@code Inspections} gives, but seeded. */
    private static String verificationCode(Random random) {
        StringBuilder code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A UUIDv7 of the given Unix milliseconds whose 74 other bits come from {@code random} (the same seed, the same ids). */
    private static UUID v7(long millis, Random random) {
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Reading the appointments wants a member of staff: the centre's manager. */
    private void actAsManager() {
        UserView manager = users.list(Role.MANAGER, null, true, 0, 1, "email").items().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo centre has no manager"));
        ComptoirPrincipal principal = new ComptoirPrincipal(manager.id(), null, manager.email(), manager.name(),
                Set.of(Role.MANAGER));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority(Role.MANAGER.authority()))));
        SecurityContextHolder.setContext(context);
    }
}
