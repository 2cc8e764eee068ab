package app.comptoir.purchasing.application;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Permission;
import app.comptoir.purchasing.domain.CostMethod;
import app.comptoir.purchasing.persistence.PurchasingSettingsStore;

/**
 * A business's purchasing settings: how receipts change a variant's cost ({@link CostMethod}, weighted average by
 * default) and after how many days an order still SENT is worth a reminder (3 by default). Admins change them.
 */
@Service
@Transactional
public class PurchasingSettings {

    /** The settings of a business. */
    public record Settings(CostMethod costMethod, Integer reminderDays) {
    }

    /** What a business that never saved its settings gets. */
    public static final Settings DEFAULTS = new Settings(CostMethod.WEIGHTED_AVERAGE, 3);

    private final PurchasingSettingsStore store;
    private final PurchasingActor actor;
    private final AuditRecorder audit;
    private final java.time.Clock clock;

    PurchasingSettings(PurchasingSettingsStore store, PurchasingActor actor, AuditRecorder audit, java.time.Clock clock) {
        this.store = store;
        this.actor = actor;
        this.audit = audit;
        this.clock = clock;
    }

    /** The current business's settings (the defaults when it never saved them). */
    @Transactional(readOnly = true)
    public Settings current() {
        return store.find(actor.tenant()).map(r -> new Settings(r.costMethod(), r.reminderDays())).orElse(DEFAULTS);
    }

    /** Changes the settings (admins: SETTINGS_MANAGE); a null field keeps its value. */
    public Settings change(Settings wanted) {
        actor.require(Permission.SETTINGS_MANAGE);
        Settings before = current();
        CostMethod method = wanted == null || wanted.costMethod() == null ? before.costMethod() : wanted.costMethod();
        Integer days = wanted == null || wanted.reminderDays() == null ? before.reminderDays() : wanted.reminderDays();
        if (days < 1 || days > 60) {
            throw InvalidInputException.field("reminderDays", "must be between 1 and 60");
        }
        store.save(actor.tenant(), new PurchasingSettingsStore.Row(method, days), clock.instant(), actor.userId());
        audit.recordChanges("purchasing_settings", actor.tenant(),
                Map.of("costMethod", before.costMethod().name(), "reminderDays", before.reminderDays()),
                Map.of("costMethod", method.name(), "reminderDays", days));
        return current();
    }
}
