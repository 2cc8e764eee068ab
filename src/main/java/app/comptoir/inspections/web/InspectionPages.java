package app.comptoir.inspections.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import app.comptoir.bookings.AppointmentArrivals;
import app.comptoir.inspections.application.InspectionPdfs;
import app.comptoir.inspections.application.InspectionReports;
import app.comptoir.inspections.application.Inspections;
import app.comptoir.inspections.application.Vehicles;
import app.comptoir.inspections.domain.ControlFunction;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.inspections.domain.VehicleCategory;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.FormErrors;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;

/**
 * The inspection centre's screens ({@code /app/inspections}): the day (appointments to check in, the QR code scanned
 * or the reference typed, who is on each lane, the inspections started), the check-in (the appointment, the vehicle's
 * fields typed or read from the registration document, then confirmed), the checklist (points grouped by function,
 * graded one by one, the rest OK at once, completion with the odometer, the outcome and the documents), and the
 * vehicles (search, history, next due date, changes).
 */
@PageController
@RequestMapping("/app/inspections")
@PreAuthorize("@rolePermissions.has('READ')")
class InspectionPages {

    private final Inspections inspections;
    private final Vehicles vehicles;
    private final AppointmentArrivals arrivals;
    private final BusinessTime businessTime;
    private final Permissions permissions;
    private final InspectionReports reports;
    private final InspectionPdfs pdfs;
    private final app.comptoir.inspections.application.RegistrationScanner scanner;

    InspectionPages(Inspections inspections, Vehicles vehicles, AppointmentArrivals arrivals,
                    BusinessTime businessTime, Permissions permissions, InspectionReports reports, InspectionPdfs pdfs,
                    app.comptoir.inspections.application.RegistrationScanner scanner) {
        this.scanner = scanner;
        this.permissions = permissions;
        this.reports = reports;
        this.pdfs = pdfs;
        this.inspections = inspections;
        this.vehicles = vehicles;
        this.arrivals = arrivals;
        this.businessTime = businessTime;
    }

    /** The vehicle's fields at check-in (typed, or proposed by the scan and confirmed), with lane and inspector. */
    record ArrivalForm(String appointmentId, String plate, String vin, String brand, String model, String category,
                       String fuel, String firstRegisteredOn, String ownerName, String ownerEmail, String ownerPhone,
                       String laneId, String inspectorId) {
    }

    /** A vehicle's fields on its page. */
    record VehicleForm(String plate, String vin, String brand, String model, String category, String fuel,
                       String firstRegisteredOn, String ownerName, String ownerEmail, String ownerPhone,
                       Long version) {
    }

    /** The points of one function, in order. */
    record FunctionGroup(ControlFunction function, List<PointResult> points) {
    }

    /** Whether the reader may act (pages show the buttons only then; the handlers check again). */
    @ModelAttribute
    void rights(Model model) {
        model.addAttribute("canInspect", permissions.has(Permission.INSPECTIONS_WRITE));
    }

    // ------------------------------------------------------------------------------------------------------ day

    @GetMapping
    String day(@RequestParam(required = false) String day, Model model) {
        LocalDate chosen = date(day, businessTime.today());
        Inspections.Day d = inspections.day(chosen);
        model.addAttribute("board", d);
        model.addAttribute("today", businessTime.today());
        model.addAttribute("previous", chosen.minusDays(1));
        model.addAttribute("next", chosen.plusDays(1));
        model.addAttribute("lanes", d.stations().stream().filter(AppointmentArrivals.Station::lane).toList());
        model.addAttribute("inspectors", d.stations().stream().filter(s -> !s.lane()).toList());
        return "inspections/day";
    }

    /** The scanned QR code or the typed reference: the appointment's check-in, or the day with the error. */
    @GetMapping("/scan")
    String scan(@RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
        Optional<AppointmentArrivals.Arrival> found = code == null || code.isBlank() || code.length() > 500
                ? Optional.empty() : arrivals.byCode(code);
        if (found.isEmpty()) {
            redirect.addFlashAttribute("scanError", "inspections.qr.unknown");
            redirect.addFlashAttribute("scanCode", code == null ? "" : code.substring(0, Math.min(code.length(), 500)));
            return "redirect:/app/inspections";
        }
        return "redirect:/app/inspections/arrival?appointment=" + found.get().id();
    }

    /**
     * The registration document read from the check-in page (the session's form, with its CSRF token): the same
     * answer as {@code POST /api/v1/inspections/scans}, problems as {@code {status, detail}} for the page's script.
     */
    @PostMapping("/scans")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @org.springframework.web.bind.annotation.ResponseBody
    org.springframework.http.ResponseEntity<?> scanDocument(jakarta.servlet.http.HttpServletRequest request)
            throws IOException {
        // The file is read here, not bound as an argument: binding runs before the permission check, and a request
        // that is not multipart would then be refused as malformed to someone who may not scan at all.
        permissions.require(Permission.INSPECTIONS_WRITE);
        MultipartFile file = request instanceof org.springframework.web.multipart.MultipartHttpServletRequest multipart
                ? multipart.getFile("file") : null;
        try {
            return org.springframework.http.ResponseEntity.ok(scanner.scan(file == null ? null : file.getBytes()));
        } catch (app.comptoir.platform.ComptoirException e) {
            return org.springframework.http.ResponseEntity.status(e.status())
                    .body(Map.of("status", e.status().value(), "detail", e.getMessage()));
        }
    }

    @PostMapping("/lanes")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String assignLane(@RequestParam(required = false) String day, @RequestParam(required = false) String laneId,
                      @RequestParam(required = false) String inspectorId, RedirectAttributes redirect) {
        LocalDate chosen = date(day, businessTime.today());
        try {
            inspections.assignLane(chosen, uuid(laneId), uuid(inspectorId));
            redirect.addFlashAttribute("flash", "inspections.flash.laneAssigned");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("laneError", e.errors().isEmpty() ? e.getMessage() : e.errors().getFirst().message());
        }
        return "redirect:/app/inspections?day=" + chosen;
    }

    // -------------------------------------------------------------------------------------------------- check-in

    @GetMapping("/arrival")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String arrival(@RequestParam(required = false) String appointment, Model model) {
        AppointmentArrivals.Arrival a = Optional.ofNullable(uuid(appointment)).flatMap(arrivals::find).orElse(null);
        ArrivalForm form = new ArrivalForm(a == null ? null : a.id().toString(), a == null ? "" : a.vehiclePlate(), "",
                "", "", a == null ? "" : a.vehicleCategory(), "", "", a == null ? "" : a.customerName(),
                a == null ? "" : a.email(), a == null ? "" : a.phone(), "", "");
        if (a != null && a.vehiclePlate() != null) {
            Optional<VehicleView> known = vehicles.byPlate(a.vehiclePlate());
            if (known.isPresent()) {
                VehicleView v = known.get();
                form = new ArrivalForm(a.id().toString(), v.plate(), nz(v.vin()), nz(v.brand()), nz(v.model()),
                        v.category(), nz(v.fuel()), v.firstRegisteredOn() == null ? "" : v.firstRegisteredOn().toString(),
                        nz(v.ownerName()), nz(v.ownerEmail()), nz(v.ownerPhone()), "", "");
                model.addAttribute("knownVehicle", v);
            }
        }
        model.addAttribute("form", form);
        return arrivalPage(a, model);
    }

    @PostMapping("/arrival")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String checkIn(@ModelAttribute("form") ArrivalForm form, BindingResult result, Model model,
                   RedirectAttributes redirect) {
        AppointmentArrivals.Arrival a = Optional.ofNullable(uuid(form.appointmentId())).flatMap(arrivals::find)
                .orElse(null);
        try {
            LocalDate first = parseDate("firstRegisteredOn", form.firstRegisteredOn());
            VehicleView v = vehicles.fileConfirmed(new Vehicles.VehicleRequest(form.plate(), form.vin(), form.brand(),
                    form.model(), form.category(), form.fuel(), first, form.ownerName(), form.ownerEmail(),
                    form.ownerPhone(), null));
            Inspections.InspectionDetail started = inspections.checkIn(new Inspections.CheckIn(
                    a == null ? null : a.id(), v.id(), uuid(form.laneId()), uuid(form.inspectorId())));
            redirect.addFlashAttribute("flash", "inspections.flash.started");
            return "redirect:/app/inspections/" + started.inspection().id();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            Object open = e.properties().get("inspectionId");
            if (open != null) {
                return "redirect:/app/inspections/" + open;
            }
            result.reject("conflict", e.getMessage());
        }
        return arrivalPage(a, model);
    }

    private String arrivalPage(AppointmentArrivals.Arrival a, Model model) {
        model.addAttribute("appointment", a);
        List<AppointmentArrivals.Station> stations = arrivals.stations();
        model.addAttribute("lanes", stations.stream().filter(AppointmentArrivals.Station::lane).toList());
        model.addAttribute("inspectors", stations.stream().filter(s -> !s.lane()).toList());
        model.addAttribute("categories", VehicleCategory.values());
        return "inspections/arrival";
    }

    // ------------------------------------------------------------------------------------------------ checklist

    @GetMapping("/{id}")
    String inspection(@PathVariable UUID id, Model model) {
        Inspections.InspectionDetail detail = inspections.find(id);
        Map<ControlFunction, List<PointResult>> byFunction = new LinkedHashMap<>();
        detail.inspection().points().forEach(p -> byFunction.computeIfAbsent(p.function(), f -> new ArrayList<>()).add(p));
        List<FunctionGroup> groups = byFunction.entrySet().stream()
                .map(e -> new FunctionGroup(e.getKey(), e.getValue())).toList();
        long unchecked = detail.inspection().points().stream().filter(p -> p.grade() == null).count();
        model.addAttribute("detail", detail);
        model.addAttribute("inspection", detail.inspection());
        model.addAttribute("vehicle", detail.vehicle());
        model.addAttribute("groups", groups);
        model.addAttribute("unchecked", unchecked);
        model.addAttribute("grades", Grade.values());
        model.addAttribute("zone", businessTime.zone());
        return "inspections/inspection";
    }

    @GetMapping("/{id}/photos/{photoId}")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        app.comptoir.inspections.persistence.InspectionStore.Photo photo = inspections.photo(id, photoId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    @GetMapping("/{id}/report.pdf")
    org.springframework.http.ResponseEntity<byte[]> reportPdf(@PathVariable UUID id, java.util.Locale locale) {
        return InspectionDocumentController.inline(pdfs.report(completed(id), InspectionDocumentController.language(locale)));
    }

    @GetMapping("/{id}/certificate.pdf")
    org.springframework.http.ResponseEntity<byte[]> certificatePdf(@PathVariable UUID id, java.util.Locale locale) {
        return InspectionDocumentController.inline(pdfs.certificate(completed(id),
                InspectionDocumentController.language(locale)));
    }

    private app.comptoir.inspections.application.InspectionReport completed(UUID id) {
        return reports.report(id).orElseThrow(() -> new app.comptoir.platform.NotFoundException("Completed inspection", id));
    }

    @PostMapping("/{id}/points/{code}")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String grade(@PathVariable UUID id, @PathVariable String code, @RequestParam(required = false) String grade,
                 @RequestParam(required = false) String comment,
                 @RequestParam(value = "photo", required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        try {
            Grade g = grade == null || grade.isBlank() ? null : Grade.valueOf(grade);
            UUID photoId = photo == null || photo.isEmpty() || g == Grade.OK ? null
                    : inspections.addPhoto(id, photo.getContentType(), photo.getBytes());
            inspections.grade(id, code, g, comment, photoId);
        } catch (IllegalArgumentException e) {
            pointError(redirect, code, comment, "inspections.point.gradeRequired", null);
        } catch (InvalidInputException e) {
            pointError(redirect, code, comment, null, e.errors().isEmpty() ? e.getMessage()
                    : e.errors().getFirst().field() + " : " + e.errors().getFirst().message());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("inspectionError", e.getMessage());
        }
        return "redirect:/app/inspections/" + id + "#point-" + code.replace('.', '-');
    }

    @PostMapping("/{id}/remaining-ok")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String remainingOk(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            int count = inspections.gradeUncheckedOk(id);
            redirect.addFlashAttribute("flash", "inspections.flash.remainingOk");
            redirect.addFlashAttribute("flashArgument", count);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("inspectionError", e.getMessage());
        }
        return "redirect:/app/inspections/" + id + "#complete";
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String complete(@PathVariable UUID id, @RequestParam(required = false) String odometerKm,
                    RedirectAttributes redirect) {
        try {
            Integer km = odometerKm == null || odometerKm.isBlank() ? null : parseKm(odometerKm);
            inspections.complete(id, km);
            redirect.addFlashAttribute("flash", "inspections.flash.completed");
            return "redirect:/app/inspections/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("completeErrors", e.errors().stream()
                    .map(InvalidInputException.FieldError::field).toList());
            redirect.addFlashAttribute("odometerValue", odometerKm);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("inspectionError", e.getMessage());
        }
        return "redirect:/app/inspections/" + id + "#complete";
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            inspections.cancel(id);
            redirect.addFlashAttribute("flash", "inspections.flash.cancelled");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("inspectionError", e.getMessage());
        }
        return "redirect:/app/inspections/" + id;
    }

    // ------------------------------------------------------------------------------------------------- vehicles

    @GetMapping("/vehicles")
    String vehicleList(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                       Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text.length() > 100 ? text.substring(0, 100) : text);
        model.addAttribute("vehicles", vehicles.search(text.length() > 100 ? text.substring(0, 100) : text,
                Math.max(page, 0), 50));
        return "inspections/vehicles";
    }

    @GetMapping("/vehicles/{id}")
    String vehicle(@PathVariable UUID id, Model model) {
        Vehicles.VehicleDetail detail = vehicles.find(id);
        VehicleView v = detail.vehicle();
        model.addAttribute("form", new VehicleForm(v.plate(), nz(v.vin()), nz(v.brand()), nz(v.model()), v.category(),
                nz(v.fuel()), v.firstRegisteredOn() == null ? "" : v.firstRegisteredOn().toString(), nz(v.ownerName()),
                nz(v.ownerEmail()), nz(v.ownerPhone()), v.version()));
        return vehiclePage(detail, model);
    }

    @PostMapping("/vehicles/{id}")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    String updateVehicle(@PathVariable UUID id, @ModelAttribute("form") VehicleForm form, BindingResult result,
                         Model model, RedirectAttributes redirect) {
        try {
            vehicles.update(id, new Vehicles.VehicleRequest(form.plate(), form.vin(), form.brand(), form.model(),
                    form.category(), form.fuel(), parseDate("firstRegisteredOn", form.firstRegisteredOn()),
                    form.ownerName(), form.ownerEmail(), form.ownerPhone(), form.version()));
            redirect.addFlashAttribute("flash", "inspections.flash.vehicleSaved");
            return "redirect:/app/inspections/vehicles/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            result.reject("conflict", e.getMessage());
        }
        return vehiclePage(vehicles.find(id), model);
    }

    private String vehiclePage(Vehicles.VehicleDetail detail, Model model) {
        model.addAttribute("detail", detail);
        model.addAttribute("vehicle", detail.vehicle());
        model.addAttribute("categories", VehicleCategory.values());
        model.addAttribute("today", businessTime.today());
        model.addAttribute("zone", businessTime.zone());
        return "inspections/vehicle";
    }

    // ---------------------------------------------------------------------------------------------- internals

    private static void pointError(RedirectAttributes redirect, String code, String comment, String key, String text) {
        redirect.addFlashAttribute("pointError", code);
        redirect.addFlashAttribute("pointErrorKey", key);
        redirect.addFlashAttribute("pointErrorText", text);
        redirect.addFlashAttribute("pointComment", comment);
    }

    private static LocalDate parseDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(field, "must be a date (yyyy-mm-dd)");
        }
    }

    private static Integer parseKm(String text) {
        try {
            return Integer.valueOf(text.strip().replaceAll("[\\s\u00a0\u202f.]", ""));
        } catch (NumberFormatException e) {
            throw InvalidInputException.field("odometerKm", "must be a whole number of kilometres");
        }
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            return d.getYear() < 2000 || d.getYear() > 2100 ? fallback : d;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
