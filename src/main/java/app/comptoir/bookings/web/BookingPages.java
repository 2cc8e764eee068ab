package app.comptoir.bookings.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.bookings.application.AppointmentView;
import app.comptoir.bookings.application.Appointments;
import app.comptoir.bookings.application.BookableServices;
import app.comptoir.bookings.application.BookingResources;
import app.comptoir.bookings.application.SlotUnavailableException;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Formats;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/**
 * The staff calendar ({@code /app/bookings}): a day with one column per resource, or a week (a row per day, a
 * column per resource), each appointment with its status, payment and acts without dragging (done, no-show,
 * cancel with a confirmation; move and take a payment on its page); the appointment's page (its timeline, the free
 * slots of a chosen day to move it to, the counter payment) and the walk-in form (book now on a resource free now).
 */
@PageController
@RequestMapping("/app/bookings")
@PreAuthorize("@rolePermissions.has('READ')")
class BookingPages {

    private final Appointments appointments;
    private final BookableServices services;
    private final BookingResources resources;
    private final BusinessTime businessTime;
    private final java.time.Clock clock;

    BookingPages(Appointments appointments, BookableServices services, BookingResources resources,
                 BusinessTime businessTime, java.time.Clock clock) {
        this.clock = clock;
        this.appointments = appointments;
        this.services = services;
        this.resources = resources;
        this.businessTime = businessTime;
    }

    /** What staff type for a walk-in. */
    record WalkInForm(String serviceId, String resourceId, String customerName, String phone, String email,
                      String vehiclePlate, String vehicleCategory, String note) {
    }

    /** What staff type to book a customer (on the phone, at the counter) into a free slot. */
    record NewForm(String serviceId, String day, String start, String resourceId, String customerName, String phone,
                   String email, String vehiclePlate, String vehicleCategory, String note) {
    }

    /** One day of the week view: its date and, per resource, its appointments. */
    record WeekRow(LocalDate day, boolean today, Map<UUID, List<AppointmentView>> byResource) {
    }

    @GetMapping
    String calendar(@RequestParam(required = false) String day, @RequestParam(defaultValue = "day") String view,
                    Model model) {
        LocalDate today = businessTime.today();
        LocalDate chosen = date(day, today);
        boolean week = "week".equals(view);
        List<ResourceView> all = resources.list();
        model.addAttribute("day", chosen);
        model.addAttribute("today", today);
        model.addAttribute("week", week);
        if (week) {
            LocalDate monday = chosen.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<AppointmentView> booked = appointments.calendar(monday, monday.plusDays(6), null, false);
            List<ResourceView> columns = columns(all, booked);
            model.addAttribute("resources", columns);
            List<WeekRow> rows = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate d = monday.plusDays(i);
                Map<UUID, List<AppointmentView>> byResource = new LinkedHashMap<>();
                columns.forEach(r -> byResource.put(r.id(), new ArrayList<>()));
                booked.stream().filter(a -> a.startsAt().atZone(businessTime.zone()).toLocalDate().equals(d))
                        .forEach(a -> byResource.computeIfAbsent(a.resourceId(), k -> new ArrayList<>()).add(a));
                rows.add(new WeekRow(d, d.equals(today), byResource));
            }
            model.addAttribute("rows", rows);
            model.addAttribute("previous", monday.minusWeeks(1));
            model.addAttribute("next", monday.plusWeeks(1));
            model.addAttribute("monday", monday);
            model.addAttribute("count", booked.size());
        } else {
            List<AppointmentView> booked = appointments.calendar(chosen, chosen, null, true);
            List<ResourceView> columns = columns(all, booked);
            model.addAttribute("resources", columns);
            Map<UUID, List<AppointmentView>> byResource = new LinkedHashMap<>();
            columns.forEach(r -> byResource.put(r.id(), new ArrayList<>()));
            booked.forEach(a -> byResource.computeIfAbsent(a.resourceId(), k -> new ArrayList<>()).add(a));
            model.addAttribute("byResource", byResource);
            model.addAttribute("previous", chosen.minusDays(1));
            model.addAttribute("next", chosen.plusDays(1));
            model.addAttribute("count", booked.size());
            model.addAttribute("now", clock.instant());
        }
        return "bookings/calendar";
    }

    @GetMapping("/appointments/{id}")
    String appointment(@PathVariable UUID id, @RequestParam(required = false) String day, Model model) {
        AppointmentView a = appointments.find(id);
        model.addAttribute("appointment", a);
        LocalDate moveDay = date(day, a.startsAt().atZone(businessTime.zone()).toLocalDate());
        model.addAttribute("moveDay", moveDay);
        if (a.status().name().equals("CONFIRMED")) {
            model.addAttribute("moveSlots", appointments.freeSlots(a.serviceId(), moveDay, null, a.id()));
            model.addAttribute("resources", resources.list());
        }
        model.addAttribute("methods", List.of(PaymentMethod.CASH, PaymentMethod.CARD_TERMINAL, PaymentMethod.TRANSFER,
                PaymentMethod.CHEQUE));
        model.addAttribute("requestId", UUID.randomUUID());
        return "bookings/appointment";
    }

    @PostMapping("/appointments/{id}/move")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String move(@PathVariable UUID id, @RequestParam(required = false) String start,
                @RequestParam(required = false) UUID resourceId, RedirectAttributes redirect) {
        return act(id, redirect, "bookings.flash.moved", () -> appointments.move(id, instant(start), resourceId));
    }

    @PostMapping("/appointments/{id}/cancel")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "bookings.flash.cancelled", () -> appointments.cancel(id, reason));
    }

    @PostMapping("/appointments/{id}/no-show")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String noShow(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "bookings.flash.noShow", () -> appointments.markNoShow(id));
    }

    @PostMapping("/appointments/{id}/complete")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String complete(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, "bookings.flash.completed", () -> appointments.complete(id));
    }

    @PostMapping("/appointments/{id}/payments")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    String pay(@PathVariable UUID id, @RequestParam(required = false) String method,
               @RequestParam(required = false) String amount, @RequestParam(required = false) String reference,
               @RequestParam(required = false) String requestId, RedirectAttributes redirect) {
        BigDecimal value;
        try {
            value = amount == null || amount.isBlank() ? null : Formats.parseDecimal(amount);
        } catch (NumberFormatException e) {
            value = null;
        }
        PaymentMethod m;
        try {
            m = method == null ? null : PaymentMethod.valueOf(method);
        } catch (IllegalArgumentException e) {
            m = null;
        }
        BigDecimal paid = value;
        PaymentMethod how = m;
        String key = requestId != null && requestId.matches("[0-9a-f-]{36}") ? "booking-payment:" + id + ":" + requestId
                : null;
        try {
            appointments.recordPayment(id, new OnSitePayment(how, paid, reference, null), key);
            redirect.addFlashAttribute("flash", "bookings.flash.paid");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("paymentError", e.errors().isEmpty() ? e.getMessage()
                    : e.errors().getFirst().field() + " : " + e.errors().getFirst().message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("bookingConflict", e.getMessage());
        }
        return "redirect:/app/bookings/appointments/" + id;
    }

    @GetMapping("/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String newAppointment(@RequestParam(required = false) String serviceId, @RequestParam(required = false) String day,
                          @RequestParam(required = false) String customerName,
                          @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                          @RequestParam(required = false) String vehiclePlate,
                          @RequestParam(required = false) String vehicleCategory, Model model) {
        // prefilled by a link (the inspection's "book the counter-visit"): shown for the user to check, never trusted
        model.addAttribute("form", new NewForm(serviceId, day, null, null, prefill(customerName, 120),
                prefill(phone, 40), prefill(email, 254), prefill(vehiclePlate, 16), prefill(vehicleCategory, 8), ""));
        return newPage(uuid(serviceId), date(day, businessTime.today()), model);
    }

    @PostMapping("/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String book(@ModelAttribute("form") NewForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        UUID service = uuid(form.serviceId());
        LocalDate day = date(form.day(), businessTime.today());
        try {
            Instant start = form.start() == null || form.start().isBlank() ? null : instant(form.start());
            AppointmentView a = appointments.book(new Appointments.BookingRequest(service, uuid(form.resourceId()),
                    start, new CustomerRules.Input(form.customerName(), form.phone(), form.email(), form.vehiclePlate(),
                    form.vehicleCategory()), null, form.note()));
            redirect.addFlashAttribute("flash", "bookings.flash.booked");
            redirect.addFlashAttribute("flashArgument", a.reference());
            return "redirect:/app/bookings/appointments/" + a.id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (SlotUnavailableException e) {
            model.addAttribute("bookingConflict", e.getMessage());
        }
        return newPage(service, day, model);
    }

    private String newPage(UUID serviceId, LocalDate day, Model model) {
        List<ServiceView> offered = services.list(false);
        ServiceView service = offered.stream().filter(s -> s.id().equals(serviceId)).findFirst().orElse(null);
        model.addAttribute("services", offered);
        model.addAttribute("service", service);
        model.addAttribute("day", day);
        model.addAttribute("slots", service == null ? List.of()
                : appointments.freeSlots(service.id(), day, null, null));
        model.addAttribute("resources", service == null ? List.of() : resources.list().stream()
                .filter(r -> r.active() && r.serviceIds().contains(service.id())).toList());
        return "bookings/new";
    }

    @GetMapping("/walk-in")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String walkInForm(Model model) {
        model.addAttribute("form", new WalkInForm(null, null, "", "", "", "", "", ""));
        return walkInPage(model);
    }

    @PostMapping("/walk-in")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String walkIn(@ModelAttribute("form") WalkInForm form, BindingResult result, Model model, Locale locale,
                  RedirectAttributes redirect) {
        try {
            AppointmentView a = appointments.walkIn(new Appointments.WalkInRequest(uuid(form.serviceId()),
                    uuid(form.resourceId()),
                    new CustomerRules.Input(form.customerName(), form.phone(), form.email(), form.vehiclePlate(),
                            form.vehicleCategory()), form.note()));
            redirect.addFlashAttribute("flash", "bookings.flash.walkIn");
            redirect.addFlashAttribute("flashArgument", a.reference());
            return "redirect:/app/bookings";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (SlotUnavailableException e) {
            model.addAttribute("noneFree", e.getMessage());
            model.addAttribute("nextSlots", e.nextSlots());
        }
        return walkInPage(model);
    }

    private String walkInPage(Model model) {
        List<ServiceView> offered = services.list(false);
        model.addAttribute("services", offered);
        model.addAttribute("resources", resources.list().stream().filter(ResourceView::active).toList());
        model.addAttribute("categories", offered.stream().flatMap(s -> s.vehicleCategories().stream()).distinct()
                .toList());
        return "bookings/walk-in";
    }

    private String act(UUID id, RedirectAttributes redirect, String flash, Runnable act) {
        try {
            act.run();
            redirect.addFlashAttribute("flash", flash);
        } catch (SlotUnavailableException e) {
            redirect.addFlashAttribute("bookingConflict", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bookingConflict", e.errors().isEmpty() ? e.getMessage()
                    : e.errors().getFirst().field() + " : " + e.errors().getFirst().message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("bookingConflict", e.getMessage());
        }
        return "redirect:/app/bookings/appointments/" + id;
    }

    /**
     * The calendar's columns: the resources that take appointments, and any other that has appointments in the
     * period (switched off or deleted since), so that no appointment is out of sight.
     */
    private List<ResourceView> columns(List<ResourceView> all, List<AppointmentView> booked) {
        java.util.Set<UUID> busy = new java.util.HashSet<>();
        booked.forEach(a -> busy.add(a.resourceId()));
        List<ResourceView> columns = new ArrayList<>(all.stream().filter(r -> r.active() || busy.contains(r.id()))
                .toList());
        java.util.Set<UUID> shown = new java.util.HashSet<>();
        columns.forEach(r -> shown.add(r.id()));
        // a deleted resource is not in the list any more: a column named as the appointment names it
        booked.stream().filter(a -> !shown.contains(a.resourceId())).forEach(a -> {
            shown.add(a.resourceId());
            columns.add(new ResourceView(a.resourceId(), a.resourceName(), app.comptoir.bookings.domain.ResourceKind.OTHER,
                    1, false, List.of(), List.of(), 0));
        });
        return columns;
    }

    /** An id as a form sends it; empty or malformed is none (the use case then names the field). */
    /** A value a link prefills a form with, trimmed to the field's length (the form checks it when sent). */
    private static String prefill(String value, int max) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return day.isBefore(SetupRules.FIRST_DAY) || day.isAfter(SetupRules.LAST_DAY) ? fallback : day;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("start", "is not a time");
        }
    }
}
