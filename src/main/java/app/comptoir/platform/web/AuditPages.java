package app.comptoir.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.platform.AuditLog;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;

/**
 * The audit trail for administrators: the whole log with filters, and the panel that record pages
 * (a user, later a product or an order) load with htmx to show that record's history.
 */
@PageController
@RequestMapping("/app/audit")
@PreAuthorize("@rolePermissions.has('AUDIT_READ')")
class AuditPages {

    private static final int PAGE_SIZE = 25;
    private static final int PANEL_SIZE = 10;
    private static final String VIEW = "platform/audit";
    private static final String REDACTED = "[redacted]";
    // Every entry belongs to the current tenant: its id in each row would only be noise.
    private static final Set<String> HIDDEN_FIELDS = Set.of("tenantId");

    private final AuditLog auditLog;

    AuditPages(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** The filters; the record id is text so that a mistyped one gets a message rather than an error page. */
    record AuditFilter(String entityType, String entityId) {
    }

    /** One changed field: its values before and after (null when absent), or only the fact that it changed. */
    record Change(String field, List<String> before, List<String> after, boolean redacted) {
    }

    /** One log entry with its changes ready to show. */
    record Row(AuditLog.Entry entry, List<Change> changes) {
    }

    @GetMapping
    String page(@ModelAttribute("filter") AuditFilter filter, BindingResult result,
                @RequestParam(defaultValue = "0") int page, Model model) {
        load(filter, result, page, PAGE_SIZE, "/app/audit", model);
        return VIEW;
    }

    @GetMapping("/panel")
    String panel(@ModelAttribute("filter") AuditFilter filter, BindingResult result,
                 @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        load(filter, result, page, PANEL_SIZE, "/app/audit/panel", model);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        // Without htmx (a link opened in a new tab), the full audit page with the same filters is more useful.
        if (Htmx.isPartial(request)) {
            model.addAttribute("panelOnly", true);
            return VIEW + " :: panel";
        }
        return VIEW;
    }

    private void load(AuditFilter filter, BindingResult result, int page, int size, String path, Model model) {
        String type = filter.entityType() == null ? "" : filter.entityType().strip();
        String idText = filter.entityId() == null ? "" : filter.entityId().strip();
        UUID id = null;
        if (!idText.isEmpty()) {
            try {
                id = UUID.fromString(idText);
            } catch (IllegalArgumentException e) {
                result.rejectValue("entityId", "invalid.entityId", "must be an identifier such as 0190f3c2-...");
            }
        }
        if (type.length() > 60) {
            result.rejectValue("entityType", "invalid.entityType", "is too long");
        }
        PageResponse<AuditLog.Entry> entries = result.hasErrors()
                ? new PageResponse<>(List.of(), 0, 0, size)
                : auditLog.entries(type, id, Math.max(0, page), size);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath(path);
        if (!type.isEmpty()) {
            base.queryParam("entityType", type);
        }
        if (id != null) {
            base.queryParam("entityId", id);
        }
        model.addAttribute("entries", entries);
        model.addAttribute("rows", entries.items().stream().map(AuditPages::row).toList());
        model.addAttribute("pager", Pager.of(entries, base));
        model.addAttribute("filtered", !type.isEmpty() || !idText.isEmpty());
    }

    private static Row row(AuditLog.Entry entry) {
        Map<String, Object> before = entry.before() == null ? Map.of() : entry.before();
        Map<String, Object> after = entry.after() == null ? Map.of() : entry.after();
        // A creation (or purge) lists every field: the empty ones say nothing worth reading.
        boolean wholeRecord = entry.before() == null || entry.after() == null;
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            if (HIDDEN_FIELDS.contains(field)) {
                continue;
            }
            Object was = before.get(field);
            Object is = after.get(field);
            if (wholeRecord && isEmpty(was) && isEmpty(is)) {
                continue;
            }
            boolean redacted = REDACTED.equals(was) || REDACTED.equals(is);
            changes.add(new Change(field, redacted ? null : values(was), redacted ? null : values(is), redacted));
        }
        return new Row(entry, changes);
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof Collection<?> c && c.isEmpty()) || "".equals(value);
    }

    /** A value as the items to show (one for a plain value, sorted for a collection), or null when absent. */
    private static List<String> values(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Objects::toString).sorted().toList();
        }
        return List.of(value.toString());
    }
}
