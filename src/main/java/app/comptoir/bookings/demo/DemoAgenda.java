package app.comptoir.bookings.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import app.comptoir.bookings.demo.DemoInspectionCentre.ResourceSeed;
import app.comptoir.bookings.demo.DemoInspectionCentre.ServiceSeed;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.BookingSource;
import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.Customer;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.Occupancy;
import app.comptoir.bookings.domain.OpeningInterval;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.bookings.domain.ServiceTiming;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.payments.PaymentMethod;

/**
 * The inspection centre's appointments from six weeks before the demo's start to two weeks after it, day by day in
 * the business's zone, as the centre would have lived them: the lanes well booked, the inspectors' re-inspection bay
 * less so, fewer bookings the further ahead; nothing on closed days (holidays, a resource's day off) nor outside a
 * resource's hours, every start on the slot grid (every 15 minutes from each opening time), and never two
 * appointments of one resource overlapping, buffers included, so the rows are what the booking rules would have
 * accepted. On the days ahead the last hour of the day is left free (the last slots are the ones taken last).
 *
 * <p>Past appointments are mostly COMPLETED and paid (card terminal, cash, some cheques, vans of firms by transfer a
 * day or two later, or online when booked), a few NO_SHOW (unpaid unless paid online) and CANCELLED (given back when
 * paid online); the one under way is CONFIRMED; upcoming ones CONFIRMED (about one in six paid online already), a
 * few cancelled. Each with its timeline: booked (by the customer online, by staff on the phone, or a walk-in), paid
 * online, reminded the day before, then done, absent or cancelled. Pure: the same seed, start and set-up give the
 * same agenda.
 */
final class DemoAgenda {

    static final int DAYS_BACK = 42;
    static final int DAYS_AHEAD = 14;

    /** A service of the centre, as stored. */
    record Service(UUID id, ServiceSeed seed, ServiceTiming timing) {
    }

    /** A resource of the centre, as stored. */
    record Resource(UUID id, ResourceSeed seed, WeeklyHours hours) {
    }

    /** A step of an appointment's timeline. */
    record Step(AppointmentStatus status, String action, String note, Instant at, UUID byUser, boolean byCustomer) {
    }

    /**
     * A payment of an appointment: how, how much, when, its reference (the provider's payment id when online), and
     * what was given back of it, when and why.
     */
    record Payment(PaymentMethod method, BigDecimal amount, Instant paidAt, String reference, BigDecimal refunded,
                   Instant refundedAt, String refundReason) {
    }

    /** An appointment as the demo stores it. */
    record Booked(UUID id, String reference, Service service, UUID resourceId, Instant startsAt, Instant endsAt,
                  Instant blockedFrom, Instant blockedUntil, AppointmentStatus status, Customer customer,
                  PaymentChoice choice, BookingSource source, String note, String cancelReason,
                  Instant reminderSentAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
                  List<Step> history, Payment payment) {
    }

    /** The agenda: the appointments by start, and the last reference given per year (the counters). */
    record Agenda(List<Booked> appointments, Map<Integer, Integer> lastReference) {
    }

    private static final Duration STEP = Duration.ofMinutes(DemoInspectionCentre.SLOT_STEP_MINUTES);
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Instant now;
    private final ZoneId zone;
    private final Random random;
    private final List<Service> services;
    private final List<Resource> resources;
    private final List<Closure> closures;
    private final List<UUID> staff;
    private final List<Draft> made = new ArrayList<>();
    private int cheques = 0;

    /**
     * The agenda as of {@code now} in {@code zone}; {@code staff} are the users who book on the phone, take
     * walk-ins and mark appointments done (none: the system actor).
     */
    DemoAgenda(Instant now, ZoneId zone, Random random, List<Service> services, List<Resource> resources,
               List<Closure> closures, List<UUID> staff) {
        this.now = now;
        this.zone = zone;
        this.random = random;
        this.services = services;
        this.resources = resources;
        this.closures = closures;
        this.staff = staff.isEmpty() ? Collections.singletonList(null) : staff;
    }

    Agenda make() {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate last = today.plusDays(DAYS_AHEAD);
        for (LocalDate day = today.minusDays(DAYS_BACK); !day.isAfter(last); day = day.plusDays(1)) {
            for (Resource resource : resources) {
                LocalDate d = day;
                if (closures.stream().anyMatch(c -> c.closes(resource.id(), d))) {
                    continue;
                }
                fill(resource, day, today);
            }
        }
        return finish();
    }

    // ---------------------------------------------------------------------------------------------- the days

    private void fill(Resource resource, LocalDate day, LocalDate today) {
        List<OpeningInterval> intervals = resource.hours().on(day.getDayOfWeek());
        if (intervals.isEmpty()) {
            return;
        }
        long ahead = ChronoUnit.DAYS.between(today, day);
        double fill = ahead < 0 ? resource.seed().pastFill() : resource.seed().pastFill() * Math.max(0.2,
                0.85 - 0.06 * ahead);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            fill = Math.min(0.95, fill * 1.12);
        }
        // Ahead, the last hour of the day stays free: the last slots are the ones people take last.
        Instant keptFree = ahead > 0 ? at(day, intervals.getLast().closes().minusHours(1)) : null;
        Instant busyUntil = Instant.MIN;
        for (OpeningInterval interval : intervals) {
            LocalTime t = interval.opens();
            while (!t.isAfter(interval.closes().minusMinutes(20))) {
                if (random.nextDouble() >= fill) {
                    t = t.plus(STEP.multipliedBy(1 + random.nextInt(2)));
                    continue;
                }
                Service service = pick(resource);
                Instant start = at(day, t);
                Occupancy occupied = service.timing().occupancy(start);
                boolean fits = !t.plus(service.timing().duration()).isAfter(interval.closes())
                        && !occupied.from().isBefore(busyUntil)
                        && (keptFree == null || !occupied.until().isAfter(keptFree));
                if (!fits) {
                    t = t.plus(STEP);
                    continue;
                }
                appointment(service, resource, start, occupied);
                busyUntil = occupied.until();
                // the next start on the grid once the resource is free again
                LocalTime free = LocalTime.ofInstant(busyUntil, zone);
                while (t.isBefore(free) && t.isBefore(interval.closes())) {
                    t = t.plus(STEP);
                }
            }
        }
    }

    private Service pick(Resource resource) {
        int total = resource.seed().serviceWeights().values().stream().mapToInt(Integer::intValue).sum();
        int roll = random.nextInt(total);
        // the weights in the set-up's order of services, so the draw does not depend on a map's order
        for (Service s : services) {
            Integer weight = resource.seed().serviceWeights().get(s.seed().key());
            if (weight == null) {
                continue;
            }
            if (roll < weight) {
                return s;
            }
            roll -= weight;
        }
        throw new IllegalStateException("No service for " + resource.seed().name());
    }

    // ------------------------------------------------------------------------------------- one appointment

    private void appointment(Service service, Resource resource, Instant start, Occupancy occupied) {
        Draft a = new Draft();
        a.service = service;
        a.resourceId = resource.id();
        a.startsAt = start;
        a.endsAt = start.plus(service.timing().duration());
        a.blockedFrom = occupied.from();
        a.blockedUntil = occupied.until();
        String key = service.seed().key();
        boolean started = !start.isAfter(now);
        boolean over = !a.endsAt.isAfter(now);
        a.customer = customer(key, start);
        if (key.equals(DemoInspectionCentre.REINSPECTION)) {
            String[] defects = DemoInspectionCentre.DEFECTS;
            a.note = "Défaut à revoir : " + defects[random.nextInt(defects.length)];
        }

        // Who booked, how they pay, and when.
        boolean quick = key.equals(DemoInspectionCentre.REINSPECTION) || key.equals(DemoInspectionCentre.POLLUTION);
        double roll = random.nextDouble();
        UUID desk = staff.get(random.nextInt(staff.size()));
        if (over && roll < (quick ? 0.25 : 0.05)) {
            a.source = BookingSource.WALK_IN;
            a.choice = PaymentChoice.ON_SITE;
            a.createdAt = start.minus(Duration.ofMinutes(2 + random.nextInt(9))).truncatedTo(ChronoUnit.MINUTES);
            a.createdBy = desk;
        } else if (roll < 0.22) {
            a.source = BookingSource.PUBLIC;
            a.choice = PaymentChoice.ONLINE;
            a.createdAt = bookedAt(start, quick, 7, 23);
        } else if (roll < 0.62) {
            a.source = BookingSource.PUBLIC;
            a.choice = PaymentChoice.ON_SITE;
            a.createdAt = bookedAt(start, quick, 7, 23);
        } else {
            a.source = BookingSource.STAFF;
            a.choice = PaymentChoice.ON_SITE;
            a.createdAt = bookedAt(start, quick, 8, 18);
            a.createdBy = desk;
        }
        if (a.source == BookingSource.WALK_IN) {
            a.step(AppointmentStatus.CONFIRMED, "WALK_IN", null, a.createdAt, desk, false);
        } else if (a.choice == PaymentChoice.ONLINE) {
            a.step(AppointmentStatus.HELD, "HELD", null, a.createdAt, null, true);
            Instant paid = a.createdAt.plus(Duration.ofSeconds(60 + random.nextInt(300)));
            a.step(AppointmentStatus.CONFIRMED, "PAID", null, paid, null, false);
            a.payment = new Payment(PaymentMethod.CARD_ONLINE, service.seed().price(), paid, paymentIntent(), null,
                    null, null);
        } else {
            a.step(AppointmentStatus.CONFIRMED, "BOOKED", null, a.createdAt, a.createdBy, a.createdBy == null);
        }
        if (random.nextInt(12) == 0 && a.note == null) {
            a.note = DemoInspectionCentre.NOTES[random.nextInt(DemoInspectionCentre.NOTES.length)];
        }

        // Where it ended, or stands.
        double end = random.nextDouble();
        if (a.source == BookingSource.WALK_IN) {
            complete(a, desk);
        } else if (over) {
            if (end < 0.06) {
                cancel(a, desk);
            } else if (end < 0.11) {
                remind(a, a.startsAt);
                a.step(AppointmentStatus.NO_SHOW, "NO_SHOW", null,
                        notAfterNow(start.plus(Duration.ofMinutes(15 + random.nextInt(16)))), desk, false);
            } else {
                remind(a, a.startsAt);
                complete(a, desk);
            }
        } else if (!started && end < 0.05) {
            cancel(a, desk);
        } else {
            remind(a, a.startsAt);
        }
        made.add(a);
    }

    /** When a booking was made: a few days to three weeks before (re-inspections sooner), in the day's waking hours. */
    private Instant bookedAt(Instant start, boolean quick, int fromHour, int toHour) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        int lead = quick ? 1 + random.nextInt(8) : 1 + random.nextInt(random.nextInt(4) == 0 ? 30 : 14);
        Instant booked = at(day.minusDays(lead), LocalTime.of(fromHour + random.nextInt(toHour - fromHour),
                random.nextInt(60)));
        // Never after the demo's start, and early enough for the centre's minimum notice.
        Instant latest = start.minus(Duration.ofMinutes(DemoInspectionCentre.MIN_NOTICE_MINUTES + 10));
        if (now.minus(Duration.ofMinutes(10)).isBefore(latest)) {
            latest = now.minus(Duration.ofMinutes(10));
        }
        if (booked.isAfter(latest)) {
            booked = latest.minus(Duration.ofMinutes(random.nextInt(600)));
        }
        return booked.truncatedTo(ChronoUnit.MINUTES).plusSeconds(random.nextInt(60));
    }

    /** The reminder the day before, as the hourly job sends it, when booked early enough and it is due by then. */
    private void remind(Draft a, Instant until) {
        Instant due = a.startsAt.minus(Duration.ofHours(24)).plus(Duration.ofMinutes(random.nextInt(60)));
        if (!a.createdAt.isAfter(a.startsAt.minus(Duration.ofHours(24))) && due.isBefore(until) && due.isBefore(now)) {
            a.reminderSentAt = due;
        }
    }

    private void complete(Draft a, UUID desk) {
        Instant done = notAfterNow(a.endsAt.plus(Duration.ofMinutes(random.nextInt(5))));
        a.step(AppointmentStatus.COMPLETED, "COMPLETED", null, done, desk, false);
        if (a.payment != null) {
            return;
        }
        boolean firm = a.customer.name().contains("(");
        double roll = random.nextDouble();
        Instant transferDay = at(LocalDate.ofInstant(a.endsAt, zone).plusDays(1 + random.nextInt(2)),
                LocalTime.of(10, random.nextInt(60)));
        BigDecimal price = a.service.seed().price();
        if (firm && roll < 0.6 && transferDay.isBefore(now.minus(Duration.ofHours(1)))) {
            a.payment = new Payment(PaymentMethod.TRANSFER, price, transferDay,
                    "VIR " + a.customer.name().substring(0, a.customer.name().indexOf(" (")).toUpperCase(Locale.ROOT),
                    null, null, null);
            return;
        }
        Instant paid = notAfterNow(done.plus(Duration.ofMinutes(1 + random.nextInt(5))));
        if (roll < 0.04) {
            a.payment = new Payment(PaymentMethod.CHEQUE, price, paid, "Chèque n° " + (7_104_210 + cheques++), null,
                    null, null);
        } else if (roll < 0.38) {
            a.payment = new Payment(PaymentMethod.CASH, price, paid, null, null, null, null);
        } else {
            a.payment = new Payment(PaymentMethod.CARD_TERMINAL, price, paid, null, null, null, null);
        }
    }

    /**
     * Cancelled: by the customer through their link before the cut-off when there was time (what they paid online
     * given back), else by the desk on the phone.
     */
    private void cancel(Draft a, UUID desk) {
        Instant cutoff = a.startsAt.minus(Duration.ofHours(DemoInspectionCentre.CUTOFF_HOURS));
        Instant from = a.payment == null ? a.createdAt : a.payment.paidAt();
        Instant latest = cutoff.isBefore(now) ? cutoff : now.minus(Duration.ofMinutes(5));
        long window = Duration.between(from.plus(Duration.ofMinutes(30)), latest).toMinutes();
        Instant at;
        boolean byCustomer = window > 0;
        if (byCustomer) {
            at = from.plus(Duration.ofMinutes(30 + (long) (random.nextDouble() * window)));
            a.step(AppointmentStatus.CANCELLED, "CANCELLED", null, at, null, true);
            a.cancelledByCustomer = true;
        } else {
            Instant until = a.startsAt.isBefore(now) ? a.startsAt : now;
            long minutes = Math.max(1, Duration.between(from, until).toMinutes());
            at = officeHours(from.plus(Duration.ofMinutes(1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1,
                    minutes)))), from, until);
            a.cancelReason = DemoInspectionCentre.STAFF_CANCEL_REASONS[random.nextInt(
                    DemoInspectionCentre.STAFF_CANCEL_REASONS.length)];
            a.step(AppointmentStatus.CANCELLED, "CANCELLED", a.cancelReason, at, desk, false);
        }
        if (a.payment != null) {
            Payment p = a.payment;
            a.payment = new Payment(p.method(), p.amount(), p.paidAt(), p.reference(), p.amount(), at,
                    "Annulé par le centre");
        }
        // the reminder went out only if it was due before the cancellation
        remind(a, at);
    }

    // ------------------------------------------------------------------------------------------ customers

    /**
     * Who comes: a motorist with a car (a plate of the current SIV format), a firm's van, a collector with an old
     * FNI plate; a re-inspection usually brings back a motorist inspected in the weeks before, for a defect.
     */
    private Customer customer(String serviceKey, Instant start) {
        String category;
        String name;
        String phone;
        String email;
        String plate;
        if (serviceKey.equals(DemoInspectionCentre.REINSPECTION) && random.nextInt(10) < 8) {
            Draft earlier = earlierInspection(start);
            if (earlier != null) {
                return earlier.customer;
            }
        }
        boolean van = serviceKey.equals(DemoInspectionCentre.VAN) || serviceKey.equals(DemoInspectionCentre.POLLUTION)
                || (serviceKey.equals(DemoInspectionCentre.REINSPECTION) && random.nextInt(5) == 0);
        String first = DemoInspectionCentre.FIRST_NAMES[random.nextInt(DemoInspectionCentre.FIRST_NAMES.length)];
        String last = DemoInspectionCentre.LAST_NAMES[random.nextInt(DemoInspectionCentre.LAST_NAMES.length)];
        if (van && random.nextInt(3) > 0) {
            String firm = DemoInspectionCentre.COMPANIES[random.nextInt(DemoInspectionCentre.COMPANIES.length)];
            category = "N1";
            name = firm + " (" + first + " " + last + ")";
            phone = String.format(Locale.ROOT, "04 78 %02d %02d %02d", random.nextInt(100), random.nextInt(100),
                    random.nextInt(100));
            email = random.nextInt(4) == 0 ? null : "contact@" + ascii(firm).replace(' ', '-') + ".exemple.fr";
        } else {
            category = van ? "N1" : "M1";
            name = first + " " + last;
            phone = String.format(Locale.ROOT, "0%d %02d %02d %02d %02d", 6 + random.nextInt(2), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100), random.nextInt(100));
            email = random.nextInt(10) < 3 ? null : ascii(first) + "." + ascii(last).replace(' ', '-') + "@exemple.fr";
        }
        plate = serviceKey.equals(DemoInspectionCentre.COLLECTION) ? fniPlate() : sivPlate();
        return CustomerRules.check(new CustomerRules.Input(name, phone, email, plate, category), List.of(category));
    }

    /** A car or van inspected (completed) in the eight weeks before, whose owner comes back; null when none. */
    private Draft earlierInspection(Instant start) {
        List<Draft> candidates = made.stream()
                .filter(d -> d.status() == AppointmentStatus.COMPLETED && !d.reinspected
                        && (d.service.seed().key().equals(DemoInspectionCentre.CAR)
                        || d.service.seed().key().equals(DemoInspectionCentre.VAN))
                        && d.endsAt.isBefore(start.minus(Duration.ofDays(1)))
                        && d.endsAt.isAfter(start.minus(Duration.ofDays(56))))
                .toList();
        if (candidates.isEmpty()) {
            return null;
        }
        Draft earlier = candidates.get(random.nextInt(candidates.size()));
        earlier.reinspected = true;
        return earlier;
    }

    private String sivPlate() {
        String letters = "ABCDEFGHJKLMNPQRSTVWXYZ";
        // recent registrations lead with letters from A to G
        char a = "ABCDEFG".charAt(random.nextInt(7));
        char b = letters.charAt(random.nextInt(letters.length()));
        return "" + a + b + "-" + String.format(Locale.ROOT, "%03d", 1 + random.nextInt(999)) + "-"
                + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
    }

    private String fniPlate() {
        String letters = "ABCDEFGHJKLMNPRSTVWXYZ";
        return (100 + random.nextInt(9900)) + " " + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length())) + " " + List.of("69", "69", "69", "42", "01", "38")
                .get(random.nextInt(6));
    }

    private String paymentIntent() {
        StringBuilder id = new StringBuilder("pi_3");
        for (int i = 0; i < 23; i++) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id.toString();
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("'", "").toLowerCase(Locale.ROOT);
    }

    // --------------------------------------------------------------------------------------------- finish

    /** Numbers the appointments in booking order per year (RDV-2026-000001), and gives each its id. */
    private Agenda finish() {
        List<Draft> byBooking = new ArrayList<>(made);
        byBooking.sort(Comparator.comparing((Draft d) -> d.createdAt).thenComparing(d -> d.startsAt)
                .thenComparing(d -> d.resourceId));
        Map<Integer, Integer> counters = new LinkedHashMap<>();
        Map<Draft, Booked> booked = new java.util.IdentityHashMap<>();
        for (Draft d : byBooking) {
            int year = d.createdAt.atZone(zone).getYear();
            int number = counters.merge(year, 1, Integer::sum);
            String reference = "RDV-" + year + "-" + String.format(Locale.ROOT, "%06d", number);
            UUID id = DemoIds.v7(d.createdAt.toEpochMilli(), random);
            Payment p = d.payment;
            if (p != null && p.refunded() != null && d.cancelledByCustomer) {
                // as the customer's cancellation gives it back (Appointments.cancelForCustomer)
                p = new Payment(p.method(), p.amount(), p.paidAt(), p.reference(), p.refunded(), p.refundedAt(),
                        "Annulation par le client " + reference);
            }
            Step last = d.history.getLast();
            booked.put(d, new Booked(id, reference, d.service, d.resourceId, d.startsAt, d.endsAt, d.blockedFrom,
                    d.blockedUntil, last.status(), d.customer, d.choice, d.source, d.note, d.cancelReason,
                    d.reminderSentAt, d.createdAt, d.createdBy, last.at(), last.byUser(), List.copyOf(d.history), p));
        }
        List<Booked> result = made.stream().map(booked::get)
                .sorted(Comparator.comparing(Booked::startsAt).thenComparing(Booked::resourceId)).toList();
        return new Agenda(result, counters);
    }

    /**
     * The instant moved into the desk's hours (8:30 to 17:30: a call taken the next morning when it came at night),
     * kept between {@code after} and {@code before}.
     */
    private Instant officeHours(Instant at, Instant after, Instant before) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalTime time = local.toLocalTime();
        LocalDateTime morning = local.toLocalDate().atTime(8, 30).plusMinutes(random.nextInt(60));
        LocalDateTime moved = time.isBefore(LocalTime.of(8, 30)) ? morning
                : time.isAfter(LocalTime.of(17, 30)) ? morning.plusDays(1) : local;
        Instant result = moved.atZone(zone).toInstant();
        return result.isAfter(before) || !result.isAfter(after) ? at : result;
    }

    /** The instant, or the demo's start when it would be after it. */
    private Instant notAfterNow(Instant at) {
        return at.isAfter(now) ? now : at;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant();
    }

    /** An appointment being made. */
    private static final class Draft {
        Service service;
        UUID resourceId;
        Instant startsAt;
        Instant endsAt;
        Instant blockedFrom;
        Instant blockedUntil;
        Customer customer;
        PaymentChoice choice;
        BookingSource source;
        String note;
        String cancelReason;
        Instant reminderSentAt;
        Instant createdAt;
        UUID createdBy;
        Payment payment;
        boolean reinspected;
        boolean cancelledByCustomer;
        final List<Step> history = new ArrayList<>();

        AppointmentStatus status() {
            return history.isEmpty() ? null : history.getLast().status();
        }

        void step(AppointmentStatus status, String action, String note, Instant at, UUID by, boolean byCustomer) {
            history.add(new Step(status, action, note, at, by, byCustomer));
        }
    }
}
