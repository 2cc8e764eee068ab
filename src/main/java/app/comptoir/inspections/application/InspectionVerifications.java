package app.comptoir.inspections.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.LegalIdentities;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inspections.domain.InspectionKind;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.persistence.VerificationStore;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.TenantContext;

/**
 * The public verification of an inspection from the QR code of its documents, for anyone (a buyer, the police): the
 * business found by its address, then, under its tenant (row-level security applies as for staff), the completed
 * inspection with this verification code, reduced to what proves it without personal data.
 */
@Service
public class InspectionVerifications {

    /** A verification code as the centre issues it; anything else is unknown without asking the database. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,64}");

    /** Where the inspection stands today in the business's zone. */
    public enum Standing {
        /** Favourable, and today is on or before its validity date. */
        VALID,
        /** Favourable, but its validity date has passed. */
        EXPIRED,
        /** A counter-visit is required and its deadline has not passed. */
        COUNTER_VISIT_DUE,
        /** A counter-visit was required and its deadline has passed. */
        COUNTER_VISIT_OVERDUE
    }

    /**
     * What the public page shows: the centre (name, town), the inspection (number, date, kind, outcome, dates), its
     * standing today, and the vehicle without anything that identifies a person (category, brand, model, the plate
     * masked but for its last two characters).
     */
    public record Verification(String centreName, String centreTown, String reportNumber, InspectionKind kind,
                               String counterVisitOfNumber, Instant completedAt, Outcome outcome,
                               LocalDate validUntil, LocalDate counterVisitBefore, Standing standing, String category,
                               String brand, String model, String maskedPlate, String zone) {
    }

    private final VerificationStore store;
    private final Tenants tenants;
    private final LegalIdentities legal;
    private final BusinessTime businessTime;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;

    InspectionVerifications(VerificationStore store, Tenants tenants, LegalIdentities legal, BusinessTime businessTime,
                            TenantContext tenantContext, PlatformTransactionManager txManager) {
        this.store = store;
        this.tenants = tenants;
        this.legal = legal;
        this.businessTime = businessTime;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.tx.setReadOnly(true);
    }

    /** The completed inspection of the business at {@code slug} with this code, or empty when either is unknown. */
    public Optional<Verification> verify(String slug, String code) {
        if (slug == null || code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Optional<TenantProfile> business = tenants.bySlug(slug).filter(t -> !t.supplier());
        if (business.isEmpty()) {
            return Optional.empty();
        }
        TenantProfile profile = business.get();
        return tenantContext.callAs(profile.id(), () -> tx.execute(s -> store.byCode(profile.id(), code).map(v -> {
            LocalDate today = businessTime.today();
            String town = legal.current().city();
            return new Verification(profile.name(), town, v.reportNumber(), v.kind(), v.counterVisitOfNumber(),
                    v.completedAt(), v.outcome(), v.validUntil(), v.counterVisitBefore(),
                    standing(v.outcome(), v.validUntil(), v.counterVisitBefore(), today), v.category(), v.brand(),
                    v.model(), maskPlate(v.plate()), businessTime.zone().getId());
        })));
    }

    /** The standing of an outcome on {@code today}. */
    static Standing standing(Outcome outcome, LocalDate validUntil, LocalDate counterVisitBefore, LocalDate today) {
        if (outcome == Outcome.FAVOURABLE) {
            return validUntil != null && !today.isAfter(validUntil) ? Standing.VALID : Standing.EXPIRED;
        }
        return counterVisitBefore != null && !today.isAfter(counterVisitBefore) ? Standing.COUNTER_VISIT_DUE
                : Standing.COUNTER_VISIT_OVERDUE;
    }

    /**
     * The plate with every letter and digit but the last two replaced by a bullet, separators kept
     * ({@code AB-123-CD} → {@code ••-•••-CD}): enough for the holder of the vehicle to recognise it, too little
     * for a stranger to look the vehicle up (a plate identifies its keeper in the registration files).
     */
    static String maskPlate(String plate) {
        if (plate == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(plate);
        int kept = 0;
        for (int i = masked.length() - 1; i >= 0; i--) {
            if (Character.isLetterOrDigit(masked.charAt(i))) {
                if (kept < 2) {
                    kept++;
                } else {
                    masked.setCharAt(i, '•');
                }
            }
        }
        return masked.toString();
    }
}
