package app.comptoir.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit log rows for business data that is stored with plain SQL rather than as an
 * {@link AuditTrail} entity: same table, same columns, in the caller's transaction (so a change is
 * never recorded without its audit row, or the reverse). Each recorded change also moves the tenant's
 * {@link ChangeVersions} of the entity type once the transaction commits.
 */
@Component
public class AuditRecorder {

    /** The one statement that writes an audit row (also used by the entity listener). */
    public static final String INSERT = """
            insert into audit_log (id, tenant_id, occurred_at, actor_id, actor_email, entity_type, entity_id,
                                   action, before_state, after_state, request_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final ChangeVersions versions;

    AuditRecorder(JdbcTemplate jdbc, TenantContext tenantContext, Clock clock, ChangeVersions versions) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.versions = versions;
    }

    /** Records a change of the current tenant's record: {@code before}/{@code after} hold the fields that changed. */
    public void record(String entityType, UUID entityId, String action, Map<String, ?> before, Map<String, ?> after) {
        jdbc.update(INSERT, values(entityType, entityId, action, before, after));
    }

    /**
     * The values of {@link #INSERT} for a change of the current tenant's record, for a caller that folds the
     * audit row into its own statement (a data-modifying {@code WITH}) to save a round trip. The caller must
     * write that row in the current transaction: the change is counted in {@link ChangeVersions} at commit.
     */
    public Object[] values(String entityType, UUID entityId, String action, Map<String, ?> before, Map<String, ?> after) {
        UUID tenant = tenantContext.requireTenant();
        versions.changed(tenant, entityType);
        return parameters(tenant, tenantContext.principal().orElse(null), clock, entityType,
                entityId, action, before, after);
    }

    /** Records an update with only the fields whose values differ between the two states; nothing when none do. */
    public void recordChanges(String entityType, UUID entityId, Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                was.put(field, before.get(field));
                now.put(field, after.get(field));
            }
        }
        if (!now.isEmpty()) {
            record(entityType, entityId, "UPDATE", was, now);
        }
    }

    /** The values of {@link #INSERT}, in order. */
    public static Object[] parameters(UUID tenantId, ComptoirPrincipal actor, Clock clock, String entityType,
                                      Object entityId, String action, Map<String, ?> before, Map<String, ?> after) {
        return new Object[] {Ids.newId(), tenantId, Timestamp.from(clock.instant()),
                actor == null ? null : actor.userId(), actor == null ? "system" : actor.email(), entityType, entityId,
                action, before == null ? null : JSON.writeValueAsString(before),
                after == null ? null : JSON.writeValueAsString(after), MDC.get("requestId")};
    }
}
