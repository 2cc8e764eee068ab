package app.comptoir.inventory.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.inventory.application.AlertRuleView;
import app.comptoir.inventory.application.AlertRules;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.application.AlertView;
import app.comptoir.inventory.application.Alerts;
import app.comptoir.inventory.ReorderSuggestion;
import app.comptoir.inventory.application.ReorderSuggestions;
import app.comptoir.inventory.StockFigures;
import app.comptoir.inventory.StockLocations;
import app.comptoir.platform.PageResponse;

/** Stock alerts, their rules and reorder suggestions. */
@RestController
@Tag(name = "Inventory")
class AlertController {

    private final Alerts alerts;
    private final AlertRules rules;
    private final ReorderSuggestions reorder;
    private final StockLocations locations;

    AlertController(Alerts alerts, AlertRules rules, ReorderSuggestions reorder, StockLocations locations) {
        this.alerts = alerts;
        this.rules = rules;
        this.reorder = reorder;
        this.locations = locations;
    }

    record RuleBody(AlertType type, Boolean enabled, Integer threshold, List<String> channels) {
    }

    /** {@code groups}: the open alerts by severity and type, critical first (the alerts page's and home page's counts). */
    record Summary(long unread, Map<AlertType, Map<String, Long>> open, List<StockFigures.AlertCount> groups) {
    }

    @GetMapping("/api/v1/stocks/alerts")
    @Operation(summary = "Stock alerts, critical first, then by type and newest first",
            description = "state: NEW, READ, DISMISSED, RESOLVED or ALL (default: the open ones, NEW and READ); "
                    + "severity: CRITICAL, WARNING, INFO; type: LOW_STOCK, OUT_OF_STOCK, OVERSTOCK, SLOW_MOVING, "
                    + "LATE_DELIVERY. The daily slow-moving check raises one digest (no variant; items: dormant stock "
                    + "levels); a late delivery names its purchase order (referenceId, reference: its number; "
                    + "available: days late).")
    PageResponse<AlertView> list(@RequestParam(required = false) String state,
                                 @RequestParam(required = false) String severity,
                                 @RequestParam(required = false) AlertType type,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        return alerts.list(state, severity, type, page, size);
    }

    @GetMapping("/api/v1/stocks/alerts/summary")
    @Operation(summary = "Unread count, open alerts by type and state, and by severity and type (critical first)")
    Summary summary() {
        return new Summary(alerts.unread(), alerts.openCounts(), alerts.groups());
    }

    @PostMapping("/api/v1/stocks/alerts/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark every new alert read")
    void markAllRead() {
        alerts.markAllRead();
    }

    @PostMapping("/api/v1/stocks/alerts/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark an alert read")
    void read(@PathVariable UUID id) {
        alerts.markRead(id);
    }

    @PostMapping("/api/v1/stocks/alerts/{id}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Dismiss an alert (it stays in the history)")
    void dismiss(@PathVariable UUID id) {
        alerts.dismiss(id);
    }

    @GetMapping("/api/v1/stocks/reorder-suggestions")
    @Operation(summary = "Variants at or under their reorder point with a suggested quantity")
    List<ReorderSuggestion> reorderSuggestions() {
        return reorder.all();
    }

    @GetMapping("/api/v1/alert-rules")
    @Operation(summary = "The alert rules (created with defaults the first time)")
    List<AlertRuleView> rules() {
        locations.defaultLocation();
        return rules.all();
    }

    @PostMapping("/api/v1/alert-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add the rule of a type (one per type; 409 if it exists)")
    AlertRuleView create(@RequestBody RuleBody body) {
        locations.defaultLocation();
        return rules.create(body.type(), body.enabled(), body.threshold(), body.channels());
    }

    @PutMapping("/api/v1/alert-rules/{id}")
    @Operation(summary = "Change a rule: on/off, threshold (LOW_STOCK: % of reorder point; SLOW_MOVING: days), channels")
    AlertRuleView update(@PathVariable UUID id, @RequestBody RuleBody body) {
        return rules.update(id, body.enabled(), body.threshold(), body.channels());
    }

    @DeleteMapping("/api/v1/alert-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a rule (its type raises no more alerts)")
    void delete(@PathVariable UUID id) {
        rules.delete(id);
    }
}
