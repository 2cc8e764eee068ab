package app.comptoir.bookings.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.bookings.application.Appointments;
import app.comptoir.bookings.application.PaymentUnavailableException;
import app.comptoir.bookings.application.PublicAppointment;
import app.comptoir.bookings.application.PublicBookings;
import app.comptoir.bookings.application.SlotUnavailableException;
import app.comptoir.bookings.application.SlotView;
import app.comptoir.bookings.domain.AppointmentStatus;
import app.comptoir.bookings.domain.CustomerRules;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.CutoffPassedException;
import app.comptoir.bookings.domain.PaymentChoice;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PublicRequests;
import app.comptoir.platform.QrCodes;

/**
 * The public booking page of a business, phone first, in French or English ({@code ?lang=}): its services
 * ({@code /book/{slug}}), a week strip with the days that have free slots and the chosen day's slots, the details
 * form (name, phone, e-mail, and the plate for a vehicle service; how to pay), then the confirmation with a QR code
 * of the customer's link and the calendar file; through that link ({@code /book/{slug}/manage/{token}}) the
 * customer moves or cancels the appointment until the business's cut-off, and pays a held one.
 */
@PageController
@RequestMapping("/book/{slug}")
class PublicBookingPages {

    private static final String VIEWS = "bookings/public/";
    private static final int WEEK = 7;

    private final PublicBookings bookings;

    PublicBookingPages(PublicBookings bookings) {
        this.bookings = bookings;
    }

    /** What the customer types on the details page. */
    record DetailsForm(String customerName, String phone, String email, String vehiclePlate, String vehicleCategory,
                       String paymentChoice, String start, String requestId) {
    }

    /** One day of the week strip: its short name and number, its free slots, and its whole name for screen readers. */
    record DayCell(LocalDate date, String weekday, String label, int slots, boolean selected, String longLabel) {
    }

    /** One slot button. */
    record SlotCell(String start, String time) {
    }

    @GetMapping
    String services(@PathVariable String slug, Model model) {
        page(slug, model);
        model.addAttribute("services", bookings.services(slug));
        return VIEWS + "services";
    }

    @GetMapping("/services/{serviceId}")
    String slots(@PathVariable String slug, @PathVariable UUID serviceId, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String day, Locale locale, Model model) {
        PublicBookings.BookingPage page = page(slug, model);
        model.addAttribute("service", bookings.service(slug, serviceId));
        week(slug, serviceId, from, day, locale, model, page);
        return VIEWS + "slots";
    }

    @GetMapping("/services/{serviceId}/details")
    String details(@PathVariable String slug, @PathVariable UUID serviceId, @RequestParam(required = false) String start,
                   Locale locale, Model model) {
        PublicBookings.BookingPage page = page(slug, model);
        Instant at = instant(start);
        if (at == null) {
            return "redirect:/book/" + slug + "/services/" + serviceId;
        }
        model.addAttribute("form", new DetailsForm("", "", "", "", "", PaymentChoice.ON_SITE.name(), start,
                UUID.randomUUID().toString()));
        return detailsPage(slug, serviceId, at, locale, model, page);
    }

    @PostMapping("/services/{serviceId}/details")
    String book(@PathVariable String slug, @PathVariable UUID serviceId, @ModelAttribute("form") DetailsForm form,
                BindingResult result, Locale locale, Model model, HttpServletRequest request) {
        PublicBookings.BookingPage page = page(slug, model);
        Instant at = instant(form.start());
        if (at == null) {
            return "redirect:/book/" + slug + "/services/" + serviceId;
        }
        PaymentChoice choice = "ONLINE".equals(form.paymentChoice()) ? PaymentChoice.ONLINE : PaymentChoice.ON_SITE;
        String key = form.requestId() != null && form.requestId().matches("[0-9a-f-]{36}") ? form.requestId() : null;
        try {
            PublicBookings.Result booked = bookings.book(slug, new Appointments.BookingRequest(serviceId, null, at,
                            new CustomerRules.Input(form.customerName(), form.phone(), form.email(), form.vehiclePlate(),
                                    form.vehicleCategory()), choice, null), locale, key, null,
                    PublicRequests.siteUrl());
            if (booked.paymentUrl() != null) {
                return "redirect:" + booked.paymentUrl();
            }
            return "redirect:/book/" + slug + "/manage/" + booked.manageToken() + "?booked";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (SlotUnavailableException e) {
            model.addAttribute("taken", e.getMessage());
            model.addAttribute("nextSlots", nextSlots(e.nextSlots(), locale));
        } catch (PaymentUnavailableException e) {
            model.addAttribute("paymentUnavailable", true);
        }
        return detailsPage(slug, serviceId, at, locale, model, page);
    }

    @GetMapping("/manage/{token}")
    String manage(@PathVariable String slug, @PathVariable String token, Locale locale, Model model) {
        page(slug, model);
        PublicAppointment appointment = bookings.byToken(slug, token);
        manageModel(slug, token, appointment, locale, model);
        return VIEWS + "manage";
    }

    @PostMapping("/manage/{token}/cancel")
    String cancel(@PathVariable String slug, @PathVariable String token, Locale locale, Model model,
                  RedirectAttributes redirect) {
        try {
            bookings.cancel(slug, token);
            redirect.addFlashAttribute("cancelled", true);
            return "redirect:/book/" + slug + "/manage/" + token;
        } catch (CutoffPassedException e) {
            page(slug, model);
            manageModel(slug, token, bookings.byToken(slug, token), locale, model);
            model.addAttribute("cutoffPassed", true);
            return VIEWS + "manage";
        } catch (ConflictException e) {
            // cancelled or over already: the page shows where it stands
            return "redirect:/book/" + slug + "/manage/" + token;
        }
    }

    @GetMapping("/manage/{token}/reschedule")
    String rescheduleSlots(@PathVariable String slug, @PathVariable String token,
                           @RequestParam(required = false) String from, @RequestParam(required = false) String day,
                           Locale locale, Model model) {
        PublicBookings.BookingPage page = page(slug, model);
        PublicAppointment appointment = bookings.byToken(slug, token);
        manageModel(slug, token, appointment, locale, model);
        if (!appointment.changeable() || appointment.status() != AppointmentStatus.CONFIRMED) {
            return VIEWS + "manage";
        }
        model.addAttribute("service", bookings.service(slug, appointment.serviceId()));
        week(slug, appointment.serviceId(), from, day, locale, model, page);
        return VIEWS + "reschedule";
    }

    @PostMapping("/manage/{token}/reschedule")
    String reschedule(@PathVariable String slug, @PathVariable String token, @RequestParam(required = false) String start,
                      Locale locale, Model model, RedirectAttributes redirect) {
        Instant at = instant(start);
        try {
            if (at == null) {
                throw InvalidInputException.field("start", "is required");
            }
            bookings.reschedule(slug, token, at, locale);
            redirect.addFlashAttribute("moved", true);
            return "redirect:/book/" + slug + "/manage/" + token;
        } catch (SlotUnavailableException | InvalidInputException e) {
            redirect.addFlashAttribute("taken", e instanceof SlotUnavailableException ? e.getMessage() : null);
            redirect.addFlashAttribute("slotInvalid", e instanceof InvalidInputException);
            return "redirect:/book/" + slug + "/manage/" + token + "/reschedule";
        } catch (CutoffPassedException e) {
            page(slug, model);
            manageModel(slug, token, bookings.byToken(slug, token), locale, model);
            model.addAttribute("cutoffPassed", true);
            return VIEWS + "manage";
        }
    }

    @PostMapping("/manage/{token}/pay")
    String pay(@PathVariable String slug, @PathVariable String token, RedirectAttributes redirect) {
        try {
            return "redirect:" + bookings.pay(slug, token, PublicRequests.siteUrl());
        } catch (PaymentUnavailableException | ConflictException e) {
            redirect.addFlashAttribute("paymentUnavailable", true);
            return "redirect:/book/" + slug + "/manage/" + token;
        }
    }

    @GetMapping("/manage/{token}/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String slug, @PathVariable String token) {
        return PublicBookingController.calendarFile(bookings.calendarFile(slug, token, PublicRequests.siteUrl()));
    }

    @GetMapping("/manage/{token}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable String slug, @PathVariable String token) {
        bookings.byToken(slug, token);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(PublicBookings.manageUrl(PublicRequests.siteUrl(), slug, token), 240));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private PublicBookings.BookingPage page(String slug, Model model) {
        PublicBookings.BookingPage page = bookings.page(slug);
        model.addAttribute("business", page);
        model.addAttribute("customerSpace", page.customerSpace());
        model.addAttribute("slug", page.slug());
        return page;
    }

    private String detailsPage(String slug, UUID serviceId, Instant at, Locale locale, Model model,
                               PublicBookings.BookingPage page) {
        PublicBookings.OfferedService service = bookings.service(slug, serviceId);
        ZoneId zone = ZoneId.of(page.zone());
        model.addAttribute("service", service);
        model.addAttribute("when", longDay(at.atZone(zone).toLocalDate(), locale) + " · "
                + at.atZone(zone).toLocalTime());
        model.addAttribute("day", at.atZone(zone).toLocalDate());
        return VIEWS + "details";
    }

    private void manageModel(String slug, String token, PublicAppointment a, Locale locale, Model model) {
        ZoneId zone = ZoneId.of(a.zone());
        model.addAttribute("appointment", a);
        model.addAttribute("token", token);
        model.addAttribute("manageUrl", PublicBookings.manageUrl(PublicRequests.siteUrl(), slug, token));
        model.addAttribute("when", longDay(a.day(), locale));
        model.addAttribute("deadline", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale)
                .format(a.changeDeadline().atZone(zone)) + " " + a.changeDeadline().atZone(zone).toLocalTime());
        model.addAttribute("holdUntil", a.holdExpiresAt() == null ? null
                : a.holdExpiresAt().atZone(zone).toLocalTime().withNano(0).toString().substring(0, 5));
    }

    private void week(String slug, UUID serviceId, String from, String day, Locale locale, Model model,
                      PublicBookings.BookingPage page) {
        LocalDate today = bookings.today(slug);
        LocalDate start = date(from);
        LocalDate chosen = date(day);
        if (start == null) {
            start = chosen != null ? chosen : today;
        }
        if (start.isBefore(today)) {
            start = today;
        }
        Map<LocalDate, Integer> counts = bookings.week(slug, serviceId, start, WEEK);
        if (chosen == null || !counts.containsKey(chosen)) {
            chosen = counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst()
                    .orElse(null);
        }
        List<DayCell> cells = new ArrayList<>();
        DateTimeFormatter weekday = DateTimeFormatter.ofPattern("EEE", locale);
        for (Map.Entry<LocalDate, Integer> e : counts.entrySet()) {
            cells.add(new DayCell(e.getKey(), weekday.format(e.getKey()), String.valueOf(e.getKey().getDayOfMonth()),
                    e.getValue(), e.getKey().equals(chosen), longDay(e.getKey(), locale)));
        }
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        LocalDate last = start.plusDays(WEEK - 1L);
        String months = month.format(start).equals(month.format(last)) ? month.format(start)
                : month.format(start) + " – " + month.format(last);
        model.addAttribute("months", months.substring(0, 1).toUpperCase(locale) + months.substring(1));
        model.addAttribute("days", cells);
        model.addAttribute("from", start);
        model.addAttribute("previous", start.minusDays(WEEK).isBefore(today) ? (start.isAfter(today) ? today : null)
                : start.minusDays(WEEK));
        model.addAttribute("next", start.plusDays(WEEK).isAfter(today.plusDays(page.horizonDays())) ? null
                : start.plusDays(WEEK));
        model.addAttribute("chosen", chosen);
        model.addAttribute("chosenLabel", chosen == null ? null : longDay(chosen, locale));
        List<SlotCell> slots = chosen == null ? List.of() : bookings.slots(slug, serviceId, chosen).slots().stream()
                .map(s -> new SlotCell(s.start().toString(), s.time())).toList();
        model.addAttribute("slots", slots);
    }

    private static List<SlotCell> nextSlots(List<SlotView> slots, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM", locale);
        return slots.stream().map(s -> new SlotCell(s.start().toString(), day.format(s.day()) + " · " + s.time()))
                .toList();
    }

    static String longDay(LocalDate day, Locale locale) {
        String text = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(day);
        return text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SetupRules.instant("start", Instant.parse(text.strip()));
        } catch (DateTimeParseException | InvalidInputException e) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return day.isBefore(SetupRules.FIRST_DAY) || day.isAfter(SetupRules.LAST_DAY) ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
