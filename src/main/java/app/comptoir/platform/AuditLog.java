package app.comptoir.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the append-only audit log of the current tenant (writing is automatic for {@link AuditTrail} entities). */
@Service
public class AuditLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TenantContext tenantContext;
    private final Permissions permissions;

    AuditLog(JdbcTemplate jdbc, JsonMapper json, TenantContext tenantContext, Permissions permissions) {
        this.permissions = permissions;
        this.jdbc = jdbc;
        this.json = json;
        this.tenantContext = tenantContext;
    }

    /** One change: who did what to which record, when, with the values before and after. */
    public record Entry(UUID id, Instant occurredAt, UUID actorId, String actor, String entityType, UUID entityId,
                        String action, Map<String, Object> before, Map<String, Object> after, String requestId) {
    }

    /** The newest-first changes of the current tenant, optionally for one entity type and one record. */
    @Transactional(readOnly = true)
    public PageResponse<Entry> entries(String entityType, UUID entityId, int page, int size) {
        permissions.require(Permission.AUDIT_READ);
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        UUID tenant = tenantContext.requireTenant();
        StringBuilder where = new StringBuilder(" where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant));
        if (entityType != null && !entityType.isBlank()) {
            where.append(" and entity_type = ?");
            args.add(entityType.trim());
        }
        if (entityId != null) {
            where.append(" and entity_id = ?");
            args.add(entityId);
        }
        Long total = jdbc.queryForObject("select count(*) from audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Entry> items = jdbc.query("""
                select id, occurred_at, actor_id, actor_email, entity_type, entity_id, action,
                       before_state::text as before_state, after_state::text as after_state, request_id
                from audit_log""" + where + " order by occurred_at desc, id desc limit ? offset ?",
                (rs, i) -> new Entry(rs.getObject("id", UUID.class), toInstant(rs.getTimestamp("occurred_at")),
                        rs.getObject("actor_id", UUID.class), rs.getString("actor_email"), rs.getString("entity_type"),
                        rs.getObject("entity_id", UUID.class), rs.getString("action"), parse(rs.getString("before_state")),
                        parse(rs.getString("after_state")), rs.getString("request_id")),
                pageArgs.toArray());
        return new PageResponse<>(items, total == null ? 0 : total, page, size);
    }

    private Map<String, Object> parse(String value) {
        return value == null ? null : json.readValue(value, MAP);
    }

    private static Instant toInstant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
