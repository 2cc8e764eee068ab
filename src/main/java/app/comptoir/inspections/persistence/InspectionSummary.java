package app.comptoir.inspections.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection in a list: the vehicle, kind, status, outcome and dates, who and where, how many defects. */
public record InspectionSummary(UUID id, UUID vehicleId, String plate, String brand, String model, String category,
                                UUID appointmentId, String kind, String status, String outcome, Instant startedAt,
                                Instant completedAt, LocalDate counterVisitBefore, LocalDate validUntil,
                                String reportNumber, String laneName, String inspectorName, int checked, int points,
                                int defects) {
}
