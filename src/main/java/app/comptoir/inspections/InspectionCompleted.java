package app.comptoir.inspections;

import java.util.UUID;

/**
 * An inspection was completed with its outcome and report number: the notifications module e-mails the report (and
 * the certificate when favourable) to the vehicle's owner, through {@link InspectionDocuments}.
 */
public record InspectionCompleted(UUID tenantId, UUID inspectionId, UUID vehicleId, String reportNumber,
                                  String outcome) {
}
