package app.comptoir.inventory.application;

import java.util.List;
import java.util.UUID;
import app.comptoir.inventory.domain.AlertRule;
import app.comptoir.inventory.domain.AlertType;

/** An alert rule as the API shows it. */
public record AlertRuleView(UUID id, AlertType type, boolean enabled, Integer threshold, List<String> channels) {

    static AlertRuleView of(AlertRule rule) {
        return new AlertRuleView(rule.getId(), rule.getType(), rule.isEnabled(), rule.getThreshold(),
                rule.getChannels());
    }
}
