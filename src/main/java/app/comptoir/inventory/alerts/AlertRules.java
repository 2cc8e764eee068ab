package app.comptoir.inventory.alerts;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/** The tenant's alert rules: one per type, created with defaults when the tenant first keeps stock. */
@Service
@Transactional
public class AlertRules {

    private final AlertRuleRepository repository;
    private final TenantContext tenantContext;

    AlertRules(AlertRuleRepository repository, TenantContext tenantContext) {
        this.repository = repository;
        this.tenantContext = tenantContext;
    }

    /** Creates the default rules: low, out, overstock and slow-moving (30 days) on; late delivery off. */
    public void createDefaults(UUID tenantId) {
        for (AlertType type : AlertType.values()) {
            if (!repository.existsByTenantIdAndType(tenantId, type)) {
                repository.save(new AlertRule(Ids.newId(), tenantId, type));
            }
        }
        repository.flush();
    }

    @Transactional(readOnly = true)
    public List<AlertRuleView> all() {
        return repository.findByTenantIdOrderByType(tenantContext.requireTenant()).stream().map(AlertRuleView::of)
                .toList();
    }

    /** Adds the rule of a type the tenant has none of (e.g. after deleting it). */
    public AlertRuleView create(AlertType type, Boolean enabled, Integer threshold, List<String> channels) {
        if (type == null) {
            throw InvalidInputException.field("type", "is required");
        }
        UUID tenant = tenantContext.requireTenant();
        if (repository.existsByTenantIdAndType(tenant, type)) {
            throw new ConflictException("duplicate-alert-rule", "There is already a " + type + " rule");
        }
        AlertRule rule = new AlertRule(Ids.newId(), tenant, type);
        rule.change(enabled == null || enabled, threshold, channels);
        return AlertRuleView.of(repository.saveAndFlush(rule));
    }

    public AlertRuleView update(UUID id, Boolean enabled, Integer threshold, List<String> channels) {
        AlertRule rule = find(id);
        rule.change(enabled == null ? rule.isEnabled() : enabled, threshold, channels);
        return AlertRuleView.of(repository.saveAndFlush(rule));
    }

    public void delete(UUID id) {
        repository.delete(find(id));
    }

    private AlertRule find(UUID id) {
        return repository.findByTenantIdAndId(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Alert rule", id.toString()));
    }
}
