package app.comptoir.payments.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.SubjectType;
import app.comptoir.payments.application.OnSitePayments;
import app.comptoir.payments.application.OnlinePayments;
import app.comptoir.payments.application.PaymentQueries;
import app.comptoir.payments.application.PaymentsActor;
import app.comptoir.payments.application.Refunds;
import app.comptoir.payments.domain.PaymentRules;
import app.comptoir.payments.persistence.PaymentRow;
import app.comptoir.payments.persistence.RefundRow;
import app.comptoir.payments.provider.PaymentProviderException;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.Formats;
import app.comptoir.platform.Htmx;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageController;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Pager;
import app.comptoir.platform.Permission;
import app.comptoir.platform.SystemActor;
import app.comptoir.platform.UserNames;

/**
 * The payments pages: the day's cash drawer (what each method received and gave back, the cash that should be in
 * the drawer) with a day picker, the payments list (filters, paging), and a subject's page (an order or an
 * appointment: what is due, paid, refunded, its payments and refunds) where staff record a payment received on site
 * and refund. Other modules link to a subject's page: {@code /app/payments/orders/<id>?back=/app/sales/orders/<id>}.
 */
@PageController
@RequestMapping("/app/payments")
@PreAuthorize("@rolePermissions.has('READ')")
class PaymentPages {

    static final int PAGE_SIZE = 25;

    private final PaymentQueries queries;
    private final OnSitePayments onSite;
    private final OnlinePayments online;
    private final Refunds refunds;
    private final PaymentsActor actor;
    private final BusinessTime businessTime;
    private final UserNames userNames;

    PaymentPages(PaymentQueries queries, OnSitePayments onSite, OnlinePayments online, Refunds refunds,
                 PaymentsActor actor, BusinessTime businessTime, UserNames userNames) {
        this.queries = queries;
        this.onSite = onSite;
        this.online = online;
        this.refunds = refunds;
        this.actor = actor;
        this.businessTime = businessTime;
        this.userNames = userNames;
    }

    @GetMapping
    String day(@RequestParam(required = false) String day, @RequestParam(required = false) String method,
               @RequestParam(required = false) String status, @RequestParam(required = false) String type,
               @RequestParam(defaultValue = "0") int page, HttpServletRequest request, HttpServletResponse response,
               Model model) {
        LocalDate today = businessTime.today();
        LocalDate shown = today;
        if (day != null && !day.isBlank()) {
            try {
                shown = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("dayError", true);
            }
        }
        PaymentMethod methodFilter = parse(PaymentMethod.class, method);
        PaymentStatus statusFilter = parse(PaymentStatus.class, status);
        SubjectType typeFilter = parse(SubjectType.class, type);
        PageResponse<PaymentView> payments = queries.search(new PaymentQueries.Filter(shown, shown, methodFilter,
                statusFilter, typeFilter), Math.max(0, page), PAGE_SIZE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/payments");
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("day", shown.equals(today) ? null : shown);
        filters.put("method", methodFilter);
        filters.put("status", statusFilter);
        filters.put("type", typeFilter);
        filters.forEach((k, v) -> {
            if (v != null) {
                base.queryParam(k, v);
            }
        });
        model.addAttribute("day", shown);
        model.addAttribute("today", today);
        model.addAttribute("previousDay", shown.minusDays(1));
        model.addAttribute("nextDay", shown.isBefore(today) ? shown.plusDays(1) : null);
        model.addAttribute("drawer", queries.drawer(shown));
        model.addAttribute("payments", payments);
        model.addAttribute("pager", Pager.of(payments, base));
        model.addAttribute("names", names(payments.items().stream().map(PaymentView::recordedBy).toList()));
        model.addAttribute("method", methodFilter);
        model.addAttribute("status", statusFilter);
        model.addAttribute("type", typeFilter);
        model.addAttribute("methods", PaymentMethod.values());
        model.addAttribute("statuses", PaymentStatus.values());
        model.addAttribute("types", SubjectType.values());
        response.addHeader(HttpHeaders.VARY, Htmx.REQUEST);
        return Htmx.isPartial(request) ? "payments/day :: results" : "payments/day";
    }

    @GetMapping("/{kind}/{id}")
    String subject(@PathVariable String kind, @PathVariable UUID id, @RequestParam(required = false) String back,
                   Model model) {
        return subjectPage(subject(kind, id), back, model);
    }

    @PostMapping("/{kind}/{id}/on-site")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    String record(@PathVariable String kind, @PathVariable UUID id, @RequestParam(required = false) String method,
                  @RequestParam(required = false) String amount, @RequestParam(required = false) String reference,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String back,
                  @RequestParam(required = false) String key, Model model, RedirectAttributes redirect) {
        PaymentSubject subject = subject(kind, id);
        try {
            onSite.record(subject, new OnSitePayment(PaymentRules.method(method), decimal("amount", amount),
                    reference, note), key == null || key.isBlank() ? null : key.strip());
            redirect.addFlashAttribute("flash", "payments.recorded");
            return "redirect:" + subjectPath(kind, id, back);
        } catch (InvalidInputException e) {
            model.addAttribute("recordErrors", fields(e));
            model.addAttribute("recordForm", Map.of("method", method == null ? "" : method,
                    "amount", amount == null ? "" : amount, "reference", reference == null ? "" : reference,
                    "note", note == null ? "" : note));
            return subjectPage(subject, back, model);
        }
    }

    @PostMapping("/{kind}/{id}/refund")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_REFUND')")
    String refund(@PathVariable String kind, @PathVariable UUID id, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
                  @RequestParam(required = false) String key, Model model, RedirectAttributes redirect) {
        PaymentSubject subject = subject(kind, id);
        try {
            refunds.refund(subject, decimal("refundAmount", amount), reason,
                    key == null || key.isBlank() ? null : key.strip());
            redirect.addFlashAttribute("flash", "payments.refunded");
            return "redirect:" + subjectPath(kind, id, back);
        } catch (InvalidInputException e) {
            Map<String, Boolean> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.put(f.field().equals("amount") ? "refundAmount" : f.field(), true));
            model.addAttribute("refundErrors", errors);
            model.addAttribute("refundForm", Map.of("amount", amount == null ? "" : amount,
                    "reason", reason == null ? "" : reason));
            return subjectPage(subject, back, model);
        } catch (PaymentProviderException e) {
            model.addAttribute("providerError", e.getMessage());
            return subjectPage(subject, back, model);
        }
    }

    @PostMapping("/{id}/refresh")
    @PreAuthorize("@rolePermissions.has('PAYMENTS_RECORD')")
    String refresh(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
        PaymentRow payment = queries.payment(id);
        try {
            online.refresh(id);
            redirect.addFlashAttribute("flash", "payments.refreshed");
        } catch (ComptoirException e) {
            redirect.addFlashAttribute("providerError", e.getMessage());
        }
        return "redirect:" + subjectPath(kind(payment.subject().type()), payment.subject().id(), back);
    }

    private String subjectPage(PaymentSubject subject, String back, Model model) {
        PaymentSummary summary = queries.summary(subject);
        List<PaymentRow> rows = queries.rows(subject);
        List<RefundRow> refundRows = queries.refunds(subject);
        Set<UUID> authors = new HashSet<>();
        rows.forEach(r -> authors.add(r.createdBy()));
        model.addAttribute("subject", subject);
        model.addAttribute("kind", kind(subject.type()));
        model.addAttribute("summary", summary);
        model.addAttribute("rows", rows);
        model.addAttribute("refundRows", refundRows);
        model.addAttribute("names", names(List.copyOf(authors)));
        model.addAttribute("back", safeBack(back));
        model.addAttribute("canRecord", actor.may(Permission.PAYMENTS_RECORD));
        model.addAttribute("canRefund", actor.may(Permission.PAYMENTS_REFUND));
        model.addAttribute("onSiteMethods", List.of(PaymentMethod.CASH, PaymentMethod.CARD_TERMINAL,
                PaymentMethod.TRANSFER, PaymentMethod.CHEQUE));
        model.addAttribute("refundable", summary.net().max(BigDecimal.ZERO));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("recordForm")) {
            model.addAttribute("recordForm", Map.of("method", "CASH",
                    "amount", Formats.input(summary.toCollect().signum() > 0 ? summary.toCollect() : null,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                    "reference", "", "note", ""));
        }
        if (!model.containsAttribute("refundForm")) {
            model.addAttribute("refundForm", Map.of("amount", "", "reason", ""));
        }
        return "payments/subject";
    }

    private Map<UUID, String> names(List<UUID> ids) {
        Map<UUID, String> names = new LinkedHashMap<>(userNames.namesOf(ids.stream().filter(java.util.Objects::nonNull)
                .filter(i -> !i.equals(SystemActor.ID)).distinct().toList()));
        names.put(SystemActor.ID, SystemActor.NAME);
        return names;
    }

    private static Map<String, Boolean> fields(InvalidInputException e) {
        Map<String, Boolean> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.put(f.field(), true));
        return errors;
    }

    private static BigDecimal decimal(String field, String text) {
        try {
            return Formats.parseDecimal(text);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(field, "must be a number");
        }
    }

    static PaymentSubject subject(String kind, UUID id) {
        return switch (kind) {
            case "orders" -> PaymentSubject.order(id);
            case "bookings" -> PaymentSubject.booking(id);
            default -> throw new NotFoundException("Payment subject kind", kind);
        };
    }

    static String kind(SubjectType type) {
        return type == SubjectType.ORDER ? "orders" : "bookings";
    }

    private static String subjectPath(String kind, UUID id, String back) {
        String safe = safeBack(back);
        return UriComponentsBuilder.fromPath("/app/payments/{kind}/{id}").queryParamIfPresent("back",
                java.util.Optional.ofNullable(safe)).buildAndExpand(kind, id).encode().toUriString();
    }

    /** A way back to another back-office page, never elsewhere (an open redirect). */
    static String safeBack(String back) {
        if (back == null || back.isBlank()) {
            return null;
        }
        String path = back.strip();
        return path.startsWith("/app/") && !path.startsWith("//") && !path.contains("\\") && path.length() <= 300
                && path.chars().noneMatch(Character::isISOControl) ? path : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
