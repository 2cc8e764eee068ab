package app.comptoir.platform.audit;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.platform.AuditLog;
import app.comptoir.platform.PageResponse;

/** The audit trail of the caller's tenant, for administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Append-only log of every change to business data")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping
    @Operation(summary = "Changes, newest first, optionally for one entity type and one record")
    PageResponse<AuditLog.Entry> entries(@RequestParam(required = false) String entityType,
                                         @RequestParam(required = false) UUID entityId,
                                         @RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "50") int size) {
        return auditLog.entries(entityType, entityId, page, size);
    }
}
