package app.comptoir.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity whose every insert, update and delete is written to the append-only audit log,
 * under the given entity type (the name used by {@code GET /api/v1/audit?entityType=}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AuditTrail {

    /** Stable, lower-case name of the entity type, e.g. {@code user}. */
    String value();

    /** Marks a field whose value never appears in the audit log (only the fact that it changed). */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Redacted {
    }

    /** Marks a bookkeeping field (e.g. last login time) whose changes are not business changes. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface Ignored {
    }
}
