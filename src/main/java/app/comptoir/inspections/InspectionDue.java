package app.comptoir.inspections;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A vehicle's next inspection (or its counter-visit) is due soon: the notifications module reminds its owner by
 * e-mail, with the centre's booking page. Published once per vehicle and due date.
 */
public record InspectionDue(UUID tenantId, UUID vehicleId, String plate, String ownerName, String ownerEmail,
                            LocalDate dueOn, boolean counterVisit) {
}
