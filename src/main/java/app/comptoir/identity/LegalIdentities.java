package app.comptoir.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.domain.LegalIdentityRules;
import app.comptoir.identity.persistence.LegalIdentityStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.FileFormat;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

/**
 * The current business's legal identity: what its quotes, invoices, credit and delivery notes print as the
 * seller. Everyone of the business reads it (documents need it); administrators change it.
 */
@Service
@Transactional
public class LegalIdentities {

    /** The largest logo accepted: documents print it small, and it is kept in the database. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    private final LegalIdentityStore store;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;
    private final AuditRecorder audit;

    LegalIdentities(LegalIdentityStore store, TenantContext tenantContext, Permissions permissions, Clock clock,
                    AuditRecorder audit) {
        this.store = store;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
        this.audit = audit;
    }

    /** The audit trail's name for the legal identity (its id is the business's). */
    public static final String AUDIT_ENTITY = "legal-identity";

    /** The current business's identity ({@link LegalIdentity#empty()} while nothing was entered). */
    @Transactional(readOnly = true)
    public LegalIdentity current() {
        return store.find(tenantContext.requireTenant()).orElseGet(LegalIdentity::empty);
    }

    /** The identity as the settings show it (administrators: it holds the bank details). */
    @Transactional(readOnly = true)
    public LegalIdentity forSettings() {
        permissions.require(Permission.SETTINGS_MANAGE);
        return current();
    }

    /** Replaces the identity (every field; the logo is changed apart), after checking every field. */
    public LegalIdentity update(LegalIdentity changes) {
        permissions.require(Permission.SETTINGS_MANAGE);
        LegalIdentity checked = LegalIdentityRules.check(changes);
        UUID tenant = tenantContext.requireTenant();
        LegalIdentity before = current();
        store.save(tenant, checked, clock.instant(), actor());
        audit.recordChanges(AUDIT_ENTITY, tenant, fields(before), fields(checked));
        return current();
    }

    /** The logo, if one was uploaded. */
    @Transactional(readOnly = true)
    public Optional<LegalIdentity.Logo> logo() {
        return store.logo(tenantContext.requireTenant());
    }

    /** Stores a new logo: a PNG or JPEG image of at most {@link #MAX_LOGO_BYTES}. */
    public void changeLogo(byte[] bytes) {
        permissions.require(Permission.SETTINGS_MANAGE);
        if (bytes == null || bytes.length == 0) {
            throw InvalidInputException.field("logo", "must be a PNG or JPEG image");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw InvalidInputException.field("logo", "must be at most 512 KB");
        }
        FileFormat format = FileFormat.sniff(bytes, FileFormat.PNG, FileFormat.JPEG);
        if (format == null || !readable(bytes)) {
            throw InvalidInputException.field("logo", "must be a PNG or JPEG image");
        }
        store.changeLogo(tenantContext.requireTenant(), new LegalIdentity.Logo(bytes, format.contentType()), clock.instant(), actor());
        audit.record(AUDIT_ENTITY, tenantContext.requireTenant(), "UPDATE", null,
                Map.of("logo", format.contentType() + ", " + bytes.length + " bytes"));
    }

    /** Removes the logo. */
    public void removeLogo() {
        permissions.require(Permission.SETTINGS_MANAGE);
        store.changeLogo(tenantContext.requireTenant(), null, clock.instant(), actor());
        audit.record(AUDIT_ENTITY, tenantContext.requireTenant(), "UPDATE", Map.of("logo", "removed"), null);
    }

    /** What the audit trail compares (the logo apart). */
    private static Map<String, Object> fields(LegalIdentity i) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("legalName", i.legalName());
        f.put("legalForm", i.legalForm());
        f.put("addressLine1", i.addressLine1());
        f.put("addressLine2", i.addressLine2());
        f.put("postalCode", i.postalCode());
        f.put("city", i.city());
        f.put("country", i.country());
        f.put("siren", i.siren());
        f.put("siret", i.siret());
        f.put("vatNumber", i.vatNumber());
        f.put("ninea", i.ninea());
        f.put("rccm", i.rccm());
        f.put("iban", i.iban());
        f.put("bic", i.bic());
        f.put("bankName", i.bankName());
        f.put("paymentDays", i.paymentDays());
        f.put("paymentTerms", i.paymentTerms());
        f.put("legalMentions", i.legalMentions());
        return f;
    }

    private UUID actor() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }


    private static boolean readable(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image != null && image.getWidth() <= 4000 && image.getHeight() <= 4000;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
