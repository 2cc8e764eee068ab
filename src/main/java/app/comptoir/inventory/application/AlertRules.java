package app.comptoir.inventory.application;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.inventory.domain.AlertRule;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.persistence.AlertRuleRepository;
import app.comptoir.inventory.persistence.AlertStore;

/**
 * The tenant's alert rules: one per type, created with defaults when the tenant first keeps stock.
 *
 * <p>Every movement and reservation needs the enabled rules, so they are kept per tenant on each node
 * ({@link #enabled}): a change made on this node applies as soon as it commits; one made on another
 * node of a cluster applies here within {@link #KEPT} (5 s), the time an alert may be raised or not
 * under the old rule.
 */
@Service
@Transactional
public class AlertRules {

    static final Duration KEPT = Duration.ofSeconds(5);
    private static final int MAX_TENANTS = 10_000;
    private static final String CACHE = "alert-rules";

    private record Known(Map<AlertType, Integer> enabled, long until) {
    }

    private final AlertRuleRepository repository;
    private final TenantContext tenantContext;
    private final AlertStore store;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();
    private final Permissions permissions;

    private final CacheEvictions evictions;

    AlertRules(AlertRuleRepository repository, TenantContext tenantContext, AlertStore store, Permissions permissions,
               CacheEvictions evictions) {
        this.evictions = evictions;
        evictions.onForget(CACHE, t -> known.remove(UUID.fromString(t)), known::clear);
        this.permissions = permissions;
        this.repository = repository;
        this.tenantContext = tenantContext;
        this.store = store;
    }

    /** The tenant's enabled rule types with their threshold (null where the rule has none). */
    @Transactional(readOnly = true)
    public Map<AlertType, Integer> enabled(UUID tenantId) {
        long now = System.nanoTime();
        Known entry = known.get(tenantId);
        if (entry != null && entry.until() - now > 0) {
            return entry.enabled();
        }
        Map<AlertType, Integer> kept = Collections.unmodifiableMap(store.enabledRules(tenantId));
        if (known.size() > MAX_TENANTS) {
            known.clear();
        }
        known.put(tenantId, new Known(kept, now + KEPT.toNanos()));
        return kept;
    }

    /** Creates the default rules: low, out, overstock and slow-moving (30 days) on; late delivery off. */
    public void createDefaults(UUID tenantId) {
        for (AlertType type : AlertType.values()) {
            if (!repository.existsByTenantIdAndType(tenantId, type)) {
                repository.save(new AlertRule(Ids.newId(), tenantId, type));
            }
        }
        repository.flush();
        forget(tenantId);
    }

    @Transactional(readOnly = true)
    public List<AlertRuleView> all() {
        return repository.findByTenantIdOrderByType(tenantContext.requireTenant()).stream().map(AlertRuleView::of)
                .toList();
    }

    /** Adds the rule of a type the tenant has none of (e.g. after deleting it). */
    public AlertRuleView create(AlertType type, Boolean enabled, Integer threshold, List<String> channels) {
        permissions.require(Permission.STOCK_WRITE);
        if (type == null) {
            throw InvalidInputException.field("type", "is required");
        }
        UUID tenant = tenantContext.requireTenant();
        if (repository.existsByTenantIdAndType(tenant, type)) {
            throw new ConflictException("duplicate-alert-rule", "There is already a " + type + " rule");
        }
        AlertRule rule = new AlertRule(Ids.newId(), tenant, type);
        rule.change(enabled == null || enabled, threshold, channels);
        forget(tenant);
        return AlertRuleView.of(repository.saveAndFlush(rule));
    }

    public AlertRuleView update(UUID id, Boolean enabled, Integer threshold, List<String> channels) {
        permissions.require(Permission.STOCK_WRITE);
        AlertRule rule = find(id);
        rule.change(enabled == null ? rule.isEnabled() : enabled, threshold, channels);
        forget(rule.getTenantId());
        return AlertRuleView.of(repository.saveAndFlush(rule));
    }

    public void delete(UUID id) {
        permissions.require(Permission.STOCK_WRITE);
        AlertRule rule = find(id);
        repository.delete(rule);
        forget(rule.getTenantId());
    }

    /** Forgets the tenant's rules now and again once the transaction commits (so no stale copy is kept). */
    private void forget(UUID tenantId) {
        known.remove(tenantId);
        evictions.forget(CACHE, tenantId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.remove(tenantId);
                }
            });
        }
    }

    private AlertRule find(UUID id) {
        return repository.findByTenantIdAndId(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Alert rule", id.toString()));
    }
}
