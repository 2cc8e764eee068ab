package app.comptoir.platform.audit;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TenantOwnedEntity;

/**
 * Writes one append-only audit row per insert, update and delete of an {@link AuditTrail} entity, in
 * the same transaction and on the same connection as the change itself, so a change is never
 * recorded without its audit row or the reverse.
 */
@Component
class AuditLogWriter implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        SmartInitializingSingleton {

    private static final Set<String> IGNORED = Set.of("version", "createdAt", "createdBy", "updatedAt", "updatedBy");

    private final EntityManagerFactory emf;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final Map<Class<?>, Set<String>> redactedFields = new ConcurrentHashMap<>();
    private final Map<Class<?>, Set<String>> ignoredFields = new ConcurrentHashMap<>();

    AuditLogWriter(EntityManagerFactory emf, TenantContext tenantContext, Clock clock) {
        this.emf = emf;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        AuditTrail trail = event.getEntity().getClass().getAnnotation(AuditTrail.class);
        if (trail != null) {
            Map<String, Object> after = snapshot(event.getEntity(), event.getPersister(), event.getState(), null);
            write(event.getSession(), trail, event.getEntity(), event.getId(), "CREATE", null, after);
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        AuditTrail trail = event.getEntity().getClass().getAnnotation(AuditTrail.class);
        if (trail == null || event.getOldState() == null) {
            return;
        }
        Object[] old = event.getOldState();
        Object[] now = event.getState();
        Map<String, Object> before = snapshot(event.getEntity(), event.getPersister(), old, now);
        Map<String, Object> after = snapshot(event.getEntity(), event.getPersister(), now, old);
        if (before.isEmpty() && after.isEmpty()) {
            return;
        }
        String action = "UPDATE";
        if (before.containsKey("deletedAt") && before.get("deletedAt") == null && after.get("deletedAt") != null) {
            action = "DELETE";
        } else if (before.get("deletedAt") != null && after.containsKey("deletedAt") && after.get("deletedAt") == null) {
            action = "RESTORE";
        }
        write(event.getSession(), trail, event.getEntity(), event.getId(), action, before, after);
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        AuditTrail trail = event.getEntity().getClass().getAnnotation(AuditTrail.class);
        if (trail != null) {
            Map<String, Object> before = snapshot(event.getEntity(), event.getPersister(), event.getDeletedState(), null);
            write(event.getSession(), trail, event.getEntity(), event.getId(), "PURGE", before, null);
        }
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    /** The entity's properties, or only those that differ from {@code other} when it is given. */
    private Map<String, Object> snapshot(Object entity, EntityPersister persister, Object[] state, Object[] other) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (state == null) {
            return values;
        }
        String[] names = persister.getPropertyNames();
        Set<String> redacted = redactedFields.computeIfAbsent(entity.getClass(),
                type -> fieldsAnnotated(type, AuditTrail.Redacted.class));
        Set<String> ignored = ignoredFields.computeIfAbsent(entity.getClass(),
                type -> fieldsAnnotated(type, AuditTrail.Ignored.class));
        for (int i = 0; i < names.length; i++) {
            if (IGNORED.contains(names[i]) || ignored.contains(names[i])) {
                continue;
            }
            if (other != null && Objects.deepEquals(state[i], other[i])) {
                continue;
            }
            values.put(names[i], redacted.contains(names[i]) ? "[redacted]" : plain(state[i]));
        }
        return values;
    }

    private static Set<String> fieldsAnnotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> marker) {
        Set<String> names = new java.util.HashSet<>();
        ReflectionUtils.doWithFields(type, (Field f) -> {
            if (f.isAnnotationPresent(marker)) {
                names.add(f.getName());
            }
        });
        return names;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(AuditLogWriter::plain).toList();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(AuditLogWriter::plain).toList();
        }
        if (value instanceof TenantOwnedEntity e) {
            return e.getId().toString();
        }
        return value.toString();
    }

    private void write(SharedSessionContractImplementor session, AuditTrail trail, Object entity, Object id,
                       String action, Map<String, Object> before, Map<String, Object> after) {
        UUID tenantId = entity instanceof TenantOwnedEntity owned ? owned.getTenantId() : (UUID) id;
        ComptoirPrincipal actor = tenantContext.principal().orElse(null);
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        Object[] values = AuditRecorder.parameters(tenantId, actor, clock, trail.value(), id, action, before, after);
        try (PreparedStatement ps = connection.prepareStatement(AuditRecorder.INSERT)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }
}
