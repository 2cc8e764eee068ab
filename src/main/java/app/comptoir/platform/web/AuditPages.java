package app.comptoir.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
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
import app.comptoir.platform.Formats;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.UserNames;

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
    /** The record types the log holds, offered in the filter in business words. */
    static final List<String> TYPES = List.of("order", "quote", "customer", "customer-address", "product", "variant", "product-image", "category",
            "stock-threshold", "stock-alert-rule", "user", "tenant", "invitation");

    /** Fields whose values are amounts in the business's currency. */
    private static final Set<String> AMOUNTS = Set.of("gross", "net", "vat", "deliveryFee", "refunded", "price",
            "compareAtPrice", "cost");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Formats formats;
    private final ObjectProvider<UserNames> userNames;

    AuditPages(AuditLog auditLog, MessageSource messages, Formats formats, ObjectProvider<UserNames> userNames) {
        this.auditLog = auditLog;
        this.messages = messages;
        this.formats = formats;
        this.userNames = userNames;
    }

    /** The filters; the record id is text so that a mistyped one gets a message rather than an error page. */
    record AuditFilter(String entityType, String entityId) {
    }

    /** A value as shown: a text in business words, or an amount that the page writes in the business's currency. */
    record Shown(String text, BigDecimal amount) {
    }

    /** One changed field, named in business words: its values before and after (null when absent), or only the fact that it changed. */
    record Change(String field, String label, List<Shown> before, List<Shown> after, boolean redacted) {
    }

    /** One log entry with its record type, action, author and changes ready to show. */
    record Row(AuditLog.Entry entry, String type, String action, String who, List<Change> changes) {
    }

    @GetMapping
    String page(@ModelAttribute("filter") AuditFilter filter, BindingResult result,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        load(filter, result, page, PAGE_SIZE, "/app/audit", model, locale);
        return VIEW;
    }

    @GetMapping("/panel")
    String panel(@ModelAttribute("filter") AuditFilter filter, BindingResult result,
                 @RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
                 HttpServletResponse response, Locale locale) {
        load(filter, result, page, PANEL_SIZE, "/app/audit/panel", model, locale);
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        // Without htmx (a link opened in a new tab), the full audit page with the same filters is more useful.
        if (Htmx.isPartial(request)) {
            model.addAttribute("panelOnly", true);
            return VIEW + " :: panel";
        }
        return VIEW;
    }

    private void load(AuditFilter filter, BindingResult result, int page, int size, String path, Model model,
                      Locale locale) {
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
        model.addAttribute("auditTypes", TYPES);
        Set<UUID> actors = new HashSet<>();
        entries.items().forEach(e -> {
            if (e.actorId() != null) {
                actors.add(e.actorId());
            }
        });
        UserNames names = userNames.getIfAvailable();
        Map<UUID, String> known = names == null || actors.isEmpty() ? Map.of() : names.namesOf(actors);
        model.addAttribute("rows", entries.items().stream().map(e -> row(e, known, locale)).toList());
        model.addAttribute("pager", Pager.of(entries, base));
        model.addAttribute("filtered", !type.isEmpty() || !idText.isEmpty());
    }

    private Row row(AuditLog.Entry entry, Map<UUID, String> names, Locale locale) {
        Map<String, Object> before = entry.before() == null ? Map.of() : entry.before();
        Map<String, Object> after = entry.after() == null ? Map.of() : entry.after();
        // A creation (or purge) lists every field: the empty ones say nothing worth reading.
        boolean wholeRecord = entry.before() == null || entry.after() == null;
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        String type = entry.entityType();
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
            String label = message(locale, field, "audit.field." + type + "." + field, "audit.field." + field);
            changes.add(new Change(field, label, redacted ? null : values(type, field, was, locale),
                    redacted ? null : values(type, field, is, locale), redacted));
        }
        String who = "system".equals(entry.actor()) ? message(locale, "system", "audit.system")
                : names.getOrDefault(entry.actorId(), entry.actor());
        return new Row(entry, message(locale, type, "audit.type." + type),
                message(locale, entry.action(), "audit.action." + entry.action()), who, changes);
    }

    /**
     * A value as the items to show (one for a plain value, sorted for a collection), or null when absent: codes
     * translated ({@code audit.value.<type>.<field>.<value>}, then {@code audit.value.<field>.<value>}, then
     * {@code audit.value.<value>}: "Confirmée" for an order's CONFIRMED), amounts and dates in the reader's
     * format.
     */
    private List<Shown> values(String type, String field, Object value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Objects::toString).sorted().map(v -> shown(type, field, v, locale)).toList();
        }
        if (AMOUNTS.contains(field) && value instanceof Number number) {
            return List.of(new Shown(null, new BigDecimal(number.toString())));
        }
        if (value instanceof Number number) {
            return List.of(new Shown(formats.decimal(number, locale), null));
        }
        return List.of(shown(type, field, value.toString(), locale));
    }

    private Shown shown(String type, String field, String value, Locale locale) {
        if (INSTANT.matcher(value).matches()) {
            try {
                return new Shown(formats.dateTime(Instant.parse(value), locale), null);
            } catch (DateTimeParseException e) {
                return new Shown(value, null);
            }
        }
        if (DAY.matcher(value).matches()) {
            try {
                return new Shown(formats.day(LocalDate.parse(value), locale), null);
            } catch (DateTimeParseException e) {
                return new Shown(value, null);
            }
        }
        return new Shown(message(locale, value, "audit.value." + type + "." + field + "." + value,
                "audit.value." + field + "." + value, "audit.value." + value), null);
    }

    /** The first of the messages the bundles know, else the fallback. */
    private String message(Locale locale, String fallback, String... codes) {
        for (String code : codes) {
            String text = messages.getMessage(code, null, null, locale);
            if (text != null) {
                return text;
            }
        }
        return fallback;
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof Collection<?> c && c.isEmpty()) || "".equals(value);
    }

}
