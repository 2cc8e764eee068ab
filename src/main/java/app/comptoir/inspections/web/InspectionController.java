package app.comptoir.inspections.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import app.comptoir.bookings.AppointmentArrivals;
import app.comptoir.inspections.application.Inspections;
import app.comptoir.inspections.application.Vehicles;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.persistence.InspectionStore;
import app.comptoir.inspections.persistence.InspectionSummary;
import app.comptoir.inspections.persistence.VehicleView;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;

/**
 * The inspection centre's API: vehicles (file, change, archive, find with their history and next due date), the day
 * (appointments, inspections, lanes), check-in by appointment or by the booking's QR code, grading points with
 * photos, completing and cancelling inspections, and who inspects on each lane. Every role reads; INSPECTIONS_WRITE
 * acts.
 */
@RestController
@RequestMapping("/api/v1/inspections")
@Tag(name = "Inspections")
@PreAuthorize("@rolePermissions.has('READ')")
class InspectionController {

    private final Vehicles vehicles;
    private final Inspections inspections;
    private final AppointmentArrivals arrivals;

    InspectionController(Vehicles vehicles, Inspections inspections, AppointmentArrivals arrivals) {
        this.vehicles = vehicles;
        this.inspections = inspections;
        this.arrivals = arrivals;
    }

    record GradeBody(Grade grade, String comment, UUID photoId) {
    }

    record CompleteBody(Integer odometerKm) {
    }

    record AssignmentBody(LocalDate day, UUID laneId, UUID inspectorId) {
    }

    record PhotoCreated(UUID photoId) {
    }

    // --------------------------------------------------------------------------------------------------- vehicles

    @GetMapping("/vehicles")
    @Operation(summary = "Vehicles whose plate, VIN, make or owner contains q, by plate, a page at a time")
    PageResponse<VehicleView> vehicles(@RequestParam(required = false) String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        return vehicles.search(q, page, size);
    }

    @GetMapping("/vehicles/{id}")
    @Operation(summary = "A vehicle with its next due date and its inspections, the latest first")
    Vehicles.VehicleDetail vehicle(@PathVariable UUID id) {
        return vehicles.find(id);
    }

    @PostMapping("/vehicles")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Files a vehicle (plate SIV or FNI, VIN, category M1/N1/L...); 409 vehicle-plate-taken",
            description = "With ?confirmed=true (the fields of a scanned registration document, confirmed): the "
                    + "vehicle with this plate is brought up to date instead of a 409.")
    ResponseEntity<VehicleView> fileVehicle(@RequestBody Vehicles.VehicleRequest body,
                                            @RequestParam(defaultValue = "false") boolean confirmed) {
        VehicleView v = confirmed ? vehicles.fileConfirmed(body) : vehicles.create(body);
        return ResponseEntity.created(URI.create("/api/v1/inspections/vehicles/" + v.id())).body(v);
    }

    @PutMapping("/vehicles/{id}")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Changes a vehicle at the version read (409 stale-version when changed meanwhile)")
    VehicleView updateVehicle(@PathVariable UUID id, @RequestBody Vehicles.VehicleRequest body) {
        return vehicles.update(id, body);
    }

    @DeleteMapping("/vehicles/{id}")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Archives a vehicle (its inspections and documents stay)")
    ResponseEntity<Void> deleteVehicle(@PathVariable UUID id) {
        vehicles.delete(id);
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------------------------------------- the day

    @GetMapping("/day")
    @Operation(summary = "The day at the centre: appointments, inspections started, lanes and who is on each",
            description = "day (yyyy-MM-dd, the business's day; today when absent)")
    Inspections.Day day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return inspections.day(day);
    }

    @GetMapping("/arrivals")
    @Operation(summary = "The appointment a scanned QR code or a typed reference opens",
            description = "code: the customer's link (the booking's QR code: whole URL or token) or the reference "
                    + "(RDV-2026-000042). 404 when it opens no appointment of this business.")
    AppointmentArrivals.Arrival arrival(@RequestParam String code) {
        if (code.length() > 500) {
            throw InvalidInputException.field("code", "must be at most 500 characters");
        }
        return arrivals.byCode(code).orElseThrow(() -> new NotFoundException("Appointment", "code"));
    }

    @PutMapping("/lanes")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Names who inspects on a lane on a day (inspectorId null frees the lane)")
    ResponseEntity<Void> assignLane(@RequestBody AssignmentBody body) {
        if (body == null) {
            throw InvalidInputException.field("day", "is required");
        }
        inspections.assignLane(body.day(), body.laneId(), body.inspectorId());
        return ResponseEntity.noContent().build();
    }

    // --------------------------------------------------------------------------------------------- inspections

    @GetMapping
    @Operation(summary = "Inspections, newest first, whose plate or report number contains q, a page at a time")
    PageResponse<InspectionSummary> recent(@RequestParam(required = false) String q,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        return inspections.recent(q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An inspection with its vehicle and every control point")
    Inspections.InspectionDetail inspection(@PathVariable UUID id) {
        return inspections.find(id);
    }

    @PostMapping
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Checks a vehicle in and starts its inspection",
            description = "vehicleId, appointmentId? (one inspection per appointment: 409 inspection-exists), "
                    + "laneId?, inspectorId? (else the appointment's resource and the lane's inspector of the day). "
                    + "A counter-visit of the failed points when the vehicle has one pending, else periodic.")
    ResponseEntity<Inspections.InspectionDetail> checkIn(@RequestBody Inspections.CheckIn body) {
        Inspections.InspectionDetail detail = inspections.checkIn(body);
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + detail.inspection().id())).body(detail);
    }

    @PutMapping("/{id}/points/{code}")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Grades a control point: OK, MINOR, MAJOR or CRITICAL (a comment required for the last two)")
    Inspections.InspectionDetail grade(@PathVariable UUID id, @PathVariable String code, @RequestBody GradeBody body) {
        if (body == null) {
            throw InvalidInputException.field("grade", "is required");
        }
        return inspections.grade(id, code, body.grade(), body.comment(), body.photoId());
    }

    @PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Keeps a defect photo (JPEG or PNG, at most 5 MB); its id then goes with a grade")
    ResponseEntity<PhotoCreated> addPhoto(@PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        UUID photoId = inspections.addPhoto(id, file.getContentType(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(new PhotoCreated(photoId));
    }

    @GetMapping("/{id}/photos/{photoId}")
    @Operation(summary = "A defect photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id, @PathVariable UUID photoId) {
        InspectionStore.Photo photo = inspections.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(photo.bytes());
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Completes the inspection: every point graded, the odometer read (periodic)",
            description = "Decides the outcome (FAVOURABLE, COUNTER_VISIT, UNFAVOURABLE), numbers the report and "
                    + "e-mails it to the owner. 400 lists the points not checked yet.")
    Inspections.InspectionDetail complete(@PathVariable UUID id, @RequestBody(required = false) CompleteBody body) {
        return inspections.complete(id, body == null ? null : body.odometerKm());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("@rolePermissions.has('INSPECTIONS_WRITE')")
    @Operation(summary = "Abandons an inspection in progress")
    Inspections.InspectionDetail cancel(@PathVariable UUID id) {
        return inspections.cancel(id);
    }

}
