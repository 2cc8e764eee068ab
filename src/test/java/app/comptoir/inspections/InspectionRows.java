package app.comptoir.inspections;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.inspections.domain.Checklists;
import app.comptoir.inspections.domain.ControlPoint;
import app.comptoir.inspections.domain.Grade;
import app.comptoir.inspections.domain.Outcome;
import app.comptoir.inspections.domain.VehicleCategory;
import app.comptoir.platform.Ids;
import app.comptoir.platform.db.TenantSettings;
import app.comptoir.support.Account;

/**
 * Completed inspections written straight into the V50 tables under the business's tenant (row-level security on),
 * for the documents' tests: the use cases that complete an inspection are tested on their own.
 */
public final class InspectionRows {

    /** A defect to record on a point: its grade, comment and whether it has a photo. */
    public record Defect(Grade grade, String comment, boolean photo) {
    }

    /** What a test needs back. */
    public record Written(UUID inspectionId, UUID vehicleId, String reportNumber, String verificationCode) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public InspectionRows(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /**
     * A vehicle (M1, "Renault Clio", owner "Jeanne Dupont" with the e-mail given) and its completed periodic
     * inspection with the outcome, the dates and the defects given (every other point OK).
     */
    public Written completed(Account business, String plate, String vin, String ownerEmail, Outcome outcome,
                             Map<String, Defect> defects, Instant completedAt, LocalDate validUntil,
                             LocalDate counterVisitBefore, String reportNumber) {
        UUID vehicle = Ids.newId();
        UUID inspection = Ids.newId();
        String code = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        UUID user = business.userId();
        Timestamp done = Timestamp.from(completedAt);
        Timestamp started = Timestamp.from(completedAt.minusSeconds(1800));
        tx.executeWithoutResult(s -> {
            jdbc.execute(TenantSettings.setLocal(business.tenantId(), null));
            jdbc.update("""
                            insert into vehicles (id, tenant_id, plate, vin, brand, model, category, fuel, first_registered_on,
                                                  owner_name, owner_email, owner_phone, created_at, created_by, updated_at, updated_by)
                            values (?, ?, ?, ?, 'Renault', 'Clio IV', 'M1', 'GO', ?, 'Jeanne Dupont', ?, '06 12 34 56 78',
                                    ?, ?, ?, ?)""",
                    vehicle, business.tenantId(), plate, vin, Date.valueOf(LocalDate.of(2016, 3, 14)), ownerEmail,
                    started, user, started, user);
            jdbc.update("""
                            insert into inspections (id, tenant_id, vehicle_id, kind, status, lane_name, inspector_name,
                                                     category, odometer_km, started_at, completed_at, outcome,
                                                     counter_visit_before, valid_until, report_number, verification_code,
                                                     created_at, created_by, updated_at, updated_by)
                            values (?, ?, ?, 'PERIODIC', 'COMPLETED', 'Ligne 1', 'Marc Petit', 'M1', 123456, ?, ?, ?, ?, ?,
                                    ?, ?, ?, ?, ?, ?)""",
                    inspection, business.tenantId(), vehicle, started, done, outcome.name(),
                    counterVisitBefore == null ? null : Date.valueOf(counterVisitBefore),
                    validUntil == null ? null : Date.valueOf(validUntil), reportNumber, code, started, user, done, user);
            for (ControlPoint point : Checklists.of(VehicleCategory.M1)) {
                Defect defect = defects.get(point.code());
                UUID photo = null;
                if (defect != null && defect.photo()) {
                    photo = Ids.newId();
                    jdbc.update("""
                                    insert into inspection_photos (id, tenant_id, inspection_id, content_type, bytes,
                                                                   created_at, created_by)
                                    values (?, ?, ?, 'image/png', ?, ?, ?)""",
                            photo, business.tenantId(), inspection, png(), done, user);
                }
                jdbc.update("""
                                insert into inspection_points (tenant_id, inspection_id, code, function_code, position,
                                                               grade, comment, photo_id, checked_at, checked_by)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        business.tenantId(), inspection, point.code(), point.function().name(), point.position(),
                        defect == null ? Grade.OK.name() : defect.grade().name(),
                        defect == null ? null : defect.comment(), photo, done, user);
            }
        });
        return new Written(inspection, vehicle, reportNumber, code);
    }

    /** A small PNG (a red square), as a phone's photo of a defect would be, smaller. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 90);
        g.setColor(Color.RED);
        g.fillRect(30, 20, 60, 50);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
