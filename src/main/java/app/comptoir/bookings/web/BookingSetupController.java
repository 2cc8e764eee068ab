package app.comptoir.bookings.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.bookings.application.BookableServices;
import app.comptoir.bookings.application.BookingResources;
import app.comptoir.bookings.application.BookingSettings;
import app.comptoir.bookings.application.Closures;
import app.comptoir.bookings.domain.Closure;
import app.comptoir.bookings.domain.SetupRules;
import app.comptoir.bookings.persistence.ResourceView;
import app.comptoir.bookings.persistence.ServiceView;

/**
 * The booking set-up: services, resources with their weekly hours and services, closures and holidays, the
 * business's booking settings. Every role reads them; BOOKINGS_WRITE changes them.
 */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "Bookings: set-up")
@PreAuthorize("@rolePermissions.has('READ')")
class BookingSetupController {

    private final BookableServices services;
    private final BookingResources resources;
    private final Closures closures;
    private final BookingSettings settings;

    BookingSetupController(BookableServices services, BookingResources resources, Closures closures,
                           BookingSettings settings) {
        this.services = services;
        this.resources = resources;
        this.closures = closures;
        this.settings = settings;
    }

    record ClosureBody(UUID resourceId, LocalDate startsOn, LocalDate endsOn, String label) {
    }

    record SettingsBody(Integer slotStepMinutes, Integer cutoffHours, Integer horizonDays, Integer minNoticeMinutes,
                        Integer holdMinutes, String contactPhone, String publicNote, String whatToBring) {
    }

    @GetMapping("/services")
    @Operation(summary = "The bookable services, by name (activeOnly=true: those offered on the booking page)")
    List<ServiceView> services(@RequestParam(defaultValue = "false") boolean activeOnly) {
        return services.list(activeOnly);
    }

    @PostMapping("/services")
    @Operation(summary = "Create a bookable service",
            description = "{name, description?, durationMinutes (5-1440), price? (business currency, its decimals), "
                    + "bufferBeforeMinutes?, bufferAfterMinutes? (0-240), vehicleCategories? ([\"M1\", \"N1\"...]: "
                    + "the booking then asks for a French plate), active?, resourceIds? (who performs it)}.")
    ResponseEntity<ServiceView> createService(@RequestBody BookableServices.ServiceRequest body) {
        ServiceView created = services.create(body);
        return ResponseEntity.created(URI.create("/api/v1/bookings/services/" + created.id())).body(created);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "A bookable service")
    ServiceView service(@PathVariable UUID id) {
        return services.find(id);
    }

    @PutMapping("/services/{id}")
    @Operation(summary = "Change a bookable service (every field; resourceIds null keeps who performs it; version? "
            + "checked: 409 concurrent-modification)")
    ServiceView updateService(@PathVariable UUID id, @RequestBody BookableServices.ServiceRequest body) {
        return services.update(id, body);
    }

    @DeleteMapping("/services/{id}")
    @Operation(summary = "Delete a bookable service (kept, marked deleted: its appointments still name it)")
    ResponseEntity<Void> deleteService(@PathVariable UUID id) {
        services.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/resources")
    @Operation(summary = "The resources (inspectors, lanes...) with their weekly hours and services")
    List<ResourceView> resources() {
        return resources.list();
    }

    @PostMapping("/resources")
    @Operation(summary = "Create a resource",
            description = "{name, kind? (INSPECTOR, LANE, OTHER), capacity? (appointments at once, 1-100), active?, "
                    + "hours? ([{weekday: 1 (Monday)-7, opensAt: \"08:00\", closesAt: \"12:00\"}]: several per day, the "
                    + "gaps are breaks), serviceIds?}. Field errors name the entry: hours[1].opensAt.")
    ResponseEntity<ResourceView> createResource(@RequestBody BookingResources.ResourceRequest body) {
        ResourceView created = resources.create(body);
        return ResponseEntity.created(URI.create("/api/v1/bookings/resources/" + created.id())).body(created);
    }

    @GetMapping("/resources/{id}")
    @Operation(summary = "A resource with its weekly hours and services")
    ResourceView resource(@PathVariable UUID id) {
        return resources.find(id);
    }

    @PutMapping("/resources/{id}")
    @Operation(summary = "Change a resource (hours and serviceIds, when given, replace the former ones)")
    ResourceView updateResource(@PathVariable UUID id, @RequestBody BookingResources.ResourceRequest body) {
        return resources.update(id, body);
    }

    @DeleteMapping("/resources/{id}")
    @Operation(summary = "Delete a resource (kept, marked deleted: its appointments still name it)")
    ResponseEntity<Void> deleteResource(@PathVariable UUID id) {
        resources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/closures")
    @Operation(summary = "Closures and holidays not over yet, soonest first")
    List<Closure> closures() {
        return closures.upcoming();
    }

    @PostMapping("/closures")
    @Operation(summary = "Close the business (resourceId null) or one resource",
            description = "{resourceId?, startsOn, endsOn? (default startsOn; both included), label}.")
    ResponseEntity<Closure> createClosure(@RequestBody ClosureBody body) {
        ClosureBody b = body == null ? new ClosureBody(null, null, null, null) : body;
        Closure created = closures.create(b.resourceId(), b.startsOn(), b.endsOn(), b.label());
        return ResponseEntity.created(URI.create("/api/v1/bookings/closures/" + created.id())).body(created);
    }

    @DeleteMapping("/closures/{id}")
    @Operation(summary = "Remove a closure")
    ResponseEntity<Void> deleteClosure(@PathVariable UUID id) {
        closures.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/settings")
    @Operation(summary = "The booking settings: slot step, customers' cut-off, horizon, notice, hold, phone, note")
    SetupRules.Settings settings() {
        return settings.current();
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the booking settings",
            description = "{slotStepMinutes? (5-240), cutoffHours? (0-720), horizonDays? (1-730), minNoticeMinutes? "
                    + "(0-10080), holdMinutes? (5-120), contactPhone?, publicNote?, whatToBring? (documents to bring, shown on the booking page)}; a missing number is the default.")
    SetupRules.Settings updateSettings(@RequestBody SettingsBody body) {
        SettingsBody b = body == null ? new SettingsBody(null, null, null, null, null, null, null, null) : body;
        return settings.change(b.slotStepMinutes(), b.cutoffHours(), b.horizonDays(), b.minNoticeMinutes(),
                b.holdMinutes(), b.contactPhone(), b.publicNote(), b.whatToBring());
    }
}
