package app.comptoir.inspections.application;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inspections.persistence.InspectionReportStore;
import app.comptoir.platform.TenantContext;

/** The completed inspections of the current business as their documents show them. */
@Service
@Transactional(readOnly = true)
public class InspectionReports {

    private final InspectionReportStore store;
    private final TenantContext tenantContext;

    InspectionReports(InspectionReportStore store, TenantContext tenantContext) {
        this.store = store;
        this.tenantContext = tenantContext;
    }

    /** The current business's completed inspection, or empty when it is unknown, in progress or cancelled. */
    public Optional<InspectionReport> report(UUID inspectionId) {
        return store.completed(tenantContext.requireTenant(), inspectionId);
    }
}
