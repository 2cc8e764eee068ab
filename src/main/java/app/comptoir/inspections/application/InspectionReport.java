package app.comptoir.inspections.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.PointResult;
import app.comptoir.inspections.domain.VehicleCategory;

/**
 * A completed inspection with everything its documents show: numbers, dates (instants, UTC), lane and inspector,
 * odometer, the vehicle as identified, every point with its grade and comment, and the defects' photos by id.
 */
public record InspectionReport(UUID inspectionId, String reportNumber, String verificationCode, InspectionKind kind,
                               String counterVisitOfNumber, Instant startedAt, Instant completedAt, Outcome outcome,
                               LocalDate counterVisitBefore, LocalDate validUntil, String laneName,
                               String inspectorName, Integer odometerKm, Vehicle vehicle, List<PointResult> points,
                               Map<UUID, Photo> photos) {

    /** The vehicle as the registration document identifies it, and its owner (C.1) with the contact kept. */
    public record Vehicle(UUID id, String plate, String vin, String brand, String model, VehicleCategory category,
                          String fuel, LocalDate firstRegisteredOn, String ownerName, String ownerEmail) {
    }

    /** A defect's photo. */
    public record Photo(String contentType, byte[] bytes) {
    }
}
