package app.comptoir.bookings.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

import app.comptoir.bookings.application.BookableServices;
import app.comptoir.bookings.application.BookingResources;
import app.comptoir.bookings.application.BookingSettings;
import app.comptoir.bookings.application.Closures;
import app.comptoir.bookings.domain.ResourceKind;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.domain.WeeklyHours;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceView;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Formats;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;

/**
 * The booking set-up pages: services (duration, price, buffers, vehicle categories, who performs them), resources
 * with their weekly hours (up to three intervals a day: the gaps are breaks) and services, closures and holidays,
 * and the booking settings. Every role reads; BOOKINGS_WRITE changes.
 */
@PageController
@RequestMapping("/app/bookings")
@PreAuthorize("@rolePermissions.has('READ')")
class BookingSetupPages {

    /** How many intervals a weekday offers on the resource form. */
    static final int INTERVALS = 3;

    private final BookableServices services;
    private final BookingResources resources;
    private final Closures closures;
    private final BookingSettings settings;

    BookingSetupPages(BookableServices services, BookingResources resources, Closures closures,
                      BookingSettings settings) {
        this.services = services;
        this.resources = resources;
        this.closures = closures;
        this.settings = settings;
    }

    /** The service form as typed. */
    record ServiceForm(String name, String description, String durationMinutes, String price,
                       String bufferBeforeMinutes, String bufferAfterMinutes, String vehicleCategories, Boolean active,
                       List<UUID> resourceIds, Long version) {
    }

    /** The resource form as typed: hours are {@code opens[d][i]}/{@code closes[d][i]} fields read from the request. */
    record ResourceForm(String name, String kind, String capacity, Boolean active, List<UUID> serviceIds,
                        Long version) {
    }

    /** The settings form as typed. */
    record SettingsForm(String slotStepMinutes, String cutoffHours, String horizonDays, String minNoticeMinutes,
                        String holdMinutes, String contactPhone, String publicNote,
                        String whatToBring) {
    }

    // ------------------------------------------------------------------------------------------------ services

    @GetMapping("/services")
    String services(Model model) {
        List<ServiceView> all = services.list(false);
        List<ResourceView> performers = resources.list();
        model.addAttribute("services", all);
        model.addAttribute("performers", all.stream().collect(Collectors.toMap(ServiceView::id, s -> {
            String names = performers.stream().filter(r -> r.serviceIds().contains(s.id())).map(ResourceView::name)
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "—" : names;
        })));
        return "bookings/services";
    }

    @GetMapping("/services/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String newService(Model model) {
        model.addAttribute("form", new ServiceForm("", "", "30", "", "0", "0", "", true, List.of(), null));
        return servicePage(null, model);
    }

    @PostMapping("/services/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String createService(@ModelAttribute("form") ServiceForm form, BindingResult result, Model model,
                         RedirectAttributes redirect) {
        try {
            ServiceView created = services.create(request(form, result, false));
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
            return "redirect:/app/bookings/services/" + created.id();
        } catch (InvalidInputException e) {
            reject(result, e);
        }
        return servicePage(null, model);
    }

    @GetMapping("/services/{id}")
    String service(@PathVariable UUID id, Model model) {
        ServiceView s = services.find(id);
        model.addAttribute("form", new ServiceForm(s.name(), s.description(), String.valueOf(s.durationMinutes()),
                Formats.input(s.price(), java.util.Locale.FRENCH), String.valueOf(s.bufferBeforeMinutes()),
                String.valueOf(s.bufferAfterMinutes()), String.join(", ", s.vehicleCategories()), s.active(),
                services.resourcesOf(id), s.version()));
        return servicePage(s, model);
    }

    @PostMapping("/services/{id}")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String updateService(@PathVariable UUID id, @ModelAttribute("form") ServiceForm form, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        ServiceView s = services.find(id);
        try {
            services.update(id, request(form, result, true));
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
            return "redirect:/app/bookings/services/" + id;
        } catch (InvalidInputException e) {
            reject(result, e);
        } catch (ConflictException e) {
            model.addAttribute("bookingConflict", e.getMessage());
        }
        return servicePage(s, model);
    }

    @PostMapping("/services/{id}/delete")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String deleteService(@PathVariable UUID id, RedirectAttributes redirect) {
        services.delete(id);
        redirect.addFlashAttribute("flash", "bookings.flash.deleted");
        return "redirect:/app/bookings/services";
    }

    /** Field errors next to their fields; one of a list's entries ({@code vehicleCategories[1]}) next to the list. */
    private static void reject(BindingResult result, InvalidInputException e) {
        for (InvalidInputException.FieldError error : e.errors()) {
            FormErrors.reject(result, error.field().replaceAll("\\[\\d+].*$", ""), error.message());
        }
    }

    private String servicePage(ServiceView service, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("resources", resources.list());
        return "bookings/service";
    }

    private static BookableServices.ServiceRequest request(ServiceForm f, BindingResult result, boolean withVersion) {
        List<String> categories = f.vehicleCategories() == null ? List.of()
                : Arrays.stream(f.vehicleCategories().split("[,;\\s]+")).filter(c -> !c.isBlank()).toList();
        BigDecimal price = null;
        if (f.price() != null && !f.price().isBlank()) {
            try {
                price = Formats.parseDecimal(f.price());
            } catch (NumberFormatException e) {
                price = BigDecimal.ONE.negate(); // refused with the other fields: "must be 0 or more"
            }
        }
        return new BookableServices.ServiceRequest(f.name(), f.description(), integer("durationMinutes",
                f.durationMinutes()), price, integer("bufferBeforeMinutes", f.bufferBeforeMinutes()),
                integer("bufferAfterMinutes", f.bufferAfterMinutes()), categories, Boolean.TRUE.equals(f.active()),
                f.resourceIds() == null ? List.of() : f.resourceIds(), withVersion ? f.version() : null);
    }

    // ----------------------------------------------------------------------------------------------- resources

    @GetMapping("/resources")
    String resources(Model model) {
        model.addAttribute("resources", resources.list());
        model.addAttribute("serviceNames", services.list(false).stream()
                .collect(Collectors.toMap(ServiceView::id, ServiceView::name)));
        return "bookings/resources";
    }

    @GetMapping("/resources/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String newResource(Model model) {
        model.addAttribute("form", new ResourceForm("", ResourceKind.LANE.name(), "1", true, List.of(), null));
        model.addAttribute("hours", defaultHours());
        return resourcePage(null, model);
    }

    @PostMapping("/resources/new")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String createResource(@ModelAttribute("form") ResourceForm form, BindingResult result,
                          @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        String[][][] typed = typedHours(fields);
        try {
            ResourceView created = resources.create(new BookingResources.ResourceRequest(form.name(), form.kind(),
                    integer("capacity", form.capacity()), Boolean.TRUE.equals(form.active()), entries(typed),
                    form.serviceIds() == null ? List.of() : form.serviceIds(), null));
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
            return "redirect:/app/bookings/resources/" + created.id();
        } catch (InvalidInputException e) {
            rejectHours(result, e, model);
        }
        model.addAttribute("hours", typed);
        return resourcePage(null, model);
    }

    @GetMapping("/resources/{id}")
    String resource(@PathVariable UUID id, Model model) {
        ResourceView r = resources.find(id);
        model.addAttribute("form", new ResourceForm(r.name(), r.kind().name(), String.valueOf(r.capacity()), r.active(),
                r.serviceIds(), r.version()));
        model.addAttribute("hours", hours(r));
        return resourcePage(r, model);
    }

    @PostMapping("/resources/{id}")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String updateResource(@PathVariable UUID id, @ModelAttribute("form") ResourceForm form, BindingResult result,
                          @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        ResourceView r = resources.find(id);
        String[][][] typed = typedHours(fields);
        try {
            resources.update(id, new BookingResources.ResourceRequest(form.name(), form.kind(),
                    integer("capacity", form.capacity()), Boolean.TRUE.equals(form.active()), entries(typed),
                    form.serviceIds() == null ? List.of() : form.serviceIds(), form.version()));
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
            return "redirect:/app/bookings/resources/" + id;
        } catch (InvalidInputException e) {
            rejectHours(result, e, model);
        } catch (ConflictException e) {
            model.addAttribute("bookingConflict", e.getMessage());
        }
        model.addAttribute("hours", typed);
        return resourcePage(r, model);
    }

    @PostMapping("/resources/{id}/delete")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String deleteResource(@PathVariable UUID id, RedirectAttributes redirect) {
        resources.delete(id);
        redirect.addFlashAttribute("flash", "bookings.flash.deleted");
        return "redirect:/app/bookings/resources";
    }

    private String resourcePage(ResourceView resource, Model model) {
        model.addAttribute("resource", resource);
        model.addAttribute("kinds", ResourceKind.values());
        model.addAttribute("services", services.list(false));
        model.addAttribute("weekdays", List.of(1, 2, 3, 4, 5, 6, 7));
        model.addAttribute("intervals", List.of(0, 1, 2));
        return "bookings/resource";
    }

    /** Monday to Friday 8:00–12:00 and 14:00–18:00, Saturday morning: a start to change. */
    private static String[][][] defaultHours() {
        String[][][] h = new String[7][INTERVALS][2];
        for (int d = 0; d < 7; d++) {
            for (int i = 0; i < INTERVALS; i++) {
                h[d][i] = new String[] {"", ""};
            }
        }
        for (int d = 0; d < 5; d++) {
            h[d][0] = new String[] {"08:00", "12:00"};
            h[d][1] = new String[] {"14:00", "18:00"};
        }
        h[5][0] = new String[] {"08:00", "12:00"};
        return h;
    }

    private static String[][][] hours(ResourceView r) {
        String[][][] h = new String[7][INTERVALS][2];
        for (int d = 0; d < 7; d++) {
            for (int i = 0; i < INTERVALS; i++) {
                h[d][i] = new String[] {"", ""};
            }
        }
        int[] used = new int[7];
        for (ResourceView.Hours x : r.hours()) {
            int d = x.weekday() - 1;
            if (used[d] < INTERVALS) {
                h[d][used[d]++] = new String[] {x.opensAt(), x.closesAt()};
            }
        }
        return h;
    }

    /** The hours as typed in the fields {@code opens-<weekday>-<i>} and {@code closes-<weekday>-<i>}. */
    private static String[][][] typedHours(Map<String, String> fields) {
        String[][][] h = new String[7][INTERVALS][2];
        for (int d = 0; d < 7; d++) {
            for (int i = 0; i < INTERVALS; i++) {
                h[d][i] = new String[] {strip(fields.get("opens-" + (d + 1) + "-" + i)),
                        strip(fields.get("closes-" + (d + 1) + "-" + i))};
            }
        }
        return h;
    }

    private static List<WeeklyHours.Entry> entries(String[][][] h) {
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            for (int i = 0; i < INTERVALS; i++) {
                if (!h[d][i][0].isEmpty() || !h[d][i][1].isEmpty()) {
                    entries.add(new WeeklyHours.Entry(d + 1, h[d][i][0], h[d][i][1]));
                }
            }
        }
        return entries;
    }

    /** Field errors of the form next to their fields; those of the hours as one message over the grid. */
    private static void rejectHours(BindingResult result, InvalidInputException e, Model model) {
        List<String> hourErrors = new ArrayList<>();
        for (InvalidInputException.FieldError error : e.errors()) {
            if (error.field().startsWith("hours[")) {
                hourErrors.add(error.field() + " : " + error.message());
            } else {
                FormErrors.reject(result, error.field(), error.message());
            }
        }
        model.addAttribute("hoursErrors", hourErrors);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    // ------------------------------------------------------------------------------------------------ closures

    @GetMapping("/closures")
    String closures(Model model) {
        model.addAttribute("closures", closures.upcoming());
        List<ResourceView> all = resources.list();
        model.addAttribute("resources", all);
        model.addAttribute("resourceNames", all.stream().collect(Collectors.toMap(ResourceView::id,
                ResourceView::name)));
        return "bookings/closures";
    }

    @PostMapping("/closures")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String createClosure(@RequestParam(required = false) UUID resourceId, @RequestParam(required = false) String startsOn,
                         @RequestParam(required = false) String endsOn, @RequestParam(required = false) String label,
                         RedirectAttributes redirect) {
        try {
            closures.create(resourceId, day("startsOn", startsOn), day("endsOn", endsOn), label);
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("closureError", e.errors().getFirst().field());
            redirect.addFlashAttribute("closureLabel", label);
            redirect.addFlashAttribute("closureStartsOn", startsOn);
            redirect.addFlashAttribute("closureEndsOn", endsOn);
        }
        return "redirect:/app/bookings/closures";
    }

    @PostMapping("/closures/{id}/delete")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String deleteClosure(@PathVariable UUID id, RedirectAttributes redirect) {
        closures.delete(id);
        redirect.addFlashAttribute("flash", "bookings.flash.deleted");
        return "redirect:/app/bookings/closures";
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, "must be a date");
        }
    }

    // ------------------------------------------------------------------------------------------------ settings

    @GetMapping("/settings")
    String settings(Model model) {
        SetupRules.Settings s = settings.current();
        model.addAttribute("form", new SettingsForm(String.valueOf(s.slotStepMinutes()), String.valueOf(s.cutoffHours()),
                String.valueOf(s.horizonDays()), String.valueOf(s.minNoticeMinutes()), String.valueOf(s.holdMinutes()),
                s.contactPhone(), s.publicNote(), s.whatToBring()));
        return "bookings/settings";
    }

    @PostMapping("/settings")
    @PreAuthorize("@rolePermissions.has('BOOKINGS_WRITE')")
    String saveSettings(@ModelAttribute("form") SettingsForm form, BindingResult result,
                        RedirectAttributes redirect) {
        try {
            settings.change(integer("slotStepMinutes", form.slotStepMinutes()), integer("cutoffHours",
                    form.cutoffHours()), integer("horizonDays", form.horizonDays()), integer("minNoticeMinutes",
                    form.minNoticeMinutes()), integer("holdMinutes", form.holdMinutes()), form.contactPhone(),
                    form.publicNote(), form.whatToBring());
            redirect.addFlashAttribute("flash", "bookings.flash.saved");
            return "redirect:/app/bookings/settings";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        }
        return "bookings/settings";
    }

    /** A whole number as typed; what does not read as one is -1, refused with the other fields by the rules. */
    private static Integer integer(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.replaceAll("[\\s\u00a0\u202f]", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
