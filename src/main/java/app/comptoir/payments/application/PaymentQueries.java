package app.comptoir.payments.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.payments.PaymentView;
import app.comptoir.payments.SubjectType;
import app.comptoir.payments.domain.PaymentStates;
import app.comptoir.payments.persistence.PaymentRow;
import app.comptoir.payments.persistence.PaymentStore;
import app.comptoir.payments.persistence.RefundRow;
import app.comptoir.payments.persistence.RefundStore;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageResponse;

/**
 * What was due, paid and refunded, read for pages, the API and other modules: subjects' summaries (one statement
 * for a whole list), a subject's payments and refunds, the list of payments with its filters, and the cash drawer
 * of a day in the business's time zone.
 */
@Service
@Transactional(readOnly = true)
public class PaymentQueries {

    /** The cash drawer of a day: what each method received and gave back, and the cash that should be there. */
    public record CashDrawer(LocalDate day, ZoneId zone, String currency, List<MethodLine> methods,
                             BigDecimal cashReceived, BigDecimal cashRefunded, BigDecimal cashNet,
                             BigDecimal totalReceived, BigDecimal totalRefunded, BigDecimal totalNet) {
    }

    /** One method's line of the cash drawer. */
    public record MethodLine(PaymentMethod method, long payments, BigDecimal received, long refunds,
                             BigDecimal refunded, BigDecimal net) {
    }

    /** What the payments list may be narrowed to: a day or a range of days, a method, a status, a subject type. */
    public record Filter(LocalDate from, LocalDate to, PaymentMethod method, PaymentStatus status, SubjectType type) {
    }

    private final PaymentStore payments;
    private final RefundStore refunds;
    private final PaymentsActor actor;
    private final Tenants tenants;
    private final BusinessTime businessTime;

    PaymentQueries(PaymentStore payments, RefundStore refunds, PaymentsActor actor, Tenants tenants,
                   BusinessTime businessTime) {
        this.payments = payments;
        this.refunds = refunds;
        this.actor = actor;
        this.tenants = tenants;
        this.businessTime = businessTime;
    }

    /** Where a subject stands; a subject never expected is UNPAID with nothing due. */
    public PaymentSummary summary(PaymentSubject subject) {
        return summaries(subject.type(), List.of(subject.id())).get(subject.id());
    }

    /** The summaries of many subjects of one type, in one statement; every id asked for has one. */
    public Map<UUID, PaymentSummary> summaries(SubjectType type, Collection<UUID> ids) {
        Map<UUID, PaymentSummary> summaries = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return summaries;
        }
        String currency = tenants.current().currency();
        payments.totals(actor.tenant(), type, ids, currency).forEach((id, t) -> {
            BigDecimal due = Money.round(t.due(), t.currency());
            BigDecimal paid = Money.round(t.paid(), t.currency());
            BigDecimal refunded = Money.round(t.refunded(), t.currency());
            summaries.put(id, new PaymentSummary(new PaymentSubject(type, id), t.currency(), due, paid, refunded,
                    PaymentStates.of(due, paid, refunded)));
        });
        return summaries;
    }

    /** The subject's payments, newest first. */
    public List<PaymentView> history(PaymentSubject subject) {
        return payments.ofSubject(actor.tenant(), subject).stream().map(PaymentRow::view).toList();
    }

    /** The subject's payments as stored (pages show the online ones' checkout). */
    public List<PaymentRow> rows(PaymentSubject subject) {
        return payments.ofSubject(actor.tenant(), subject);
    }

    /** The subject's refunds, newest first. */
    public List<RefundRow> refunds(PaymentSubject subject) {
        return refunds.ofSubject(actor.tenant(), subject);
    }

    /** One payment of the business. */
    public PaymentRow payment(UUID id) {
        return payments.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("Payment", id));
    }

    /** A page of the business's payments, newest first, narrowed by the filter (days in the business's zone). */
    public PageResponse<PaymentView> search(Filter filter, int page, int size) {
        PageResponse<PaymentRow> rows = payments.search(actor.tenant(), storeFilter(filter), page, size);
        return new PageResponse<>(rows.items().stream().map(PaymentRow::view).toList(), rows.total(), rows.page(),
                rows.size());
    }

    /** The cash drawer of a day (today when null), in the business's zone and currency. */
    public CashDrawer drawer(LocalDate day) {
        ZoneId zone = businessTime.zone();
        LocalDate shown = day == null ? businessTime.today() : day;
        String currency = tenants.current().currency();
        Instant from = shown.atStartOfDay(zone).toInstant();
        Instant to = shown.plusDays(1).atStartOfDay(zone).toInstant();
        BigDecimal zero = Money.zero(currency).amount();
        List<MethodLine> lines = payments.drawer(actor.tenant(), from, to, currency).values().stream()
                .map(t -> new MethodLine(t.method(), t.payments(), Money.round(t.received(), currency), t.refunds(),
                        Money.round(t.refunded(), currency), Money.round(t.received().subtract(t.refunded()), currency)))
                .toList();
        MethodLine cash = lines.stream().filter(l -> l.method() == PaymentMethod.CASH).findFirst().orElseThrow();
        BigDecimal received = lines.stream().map(MethodLine::received).reduce(zero, BigDecimal::add);
        BigDecimal refunded = lines.stream().map(MethodLine::refunded).reduce(zero, BigDecimal::add);
        return new CashDrawer(shown, zone, currency, lines, cash.received(), cash.refunded(), cash.net(), received,
                refunded, received.subtract(refunded));
    }

    private PaymentStore.Filter storeFilter(Filter filter) {
        if (filter == null) {
            return new PaymentStore.Filter(null, null, null, null, null);
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw InvalidInputException.field("to", "must be on or after from");
        }
        ZoneId zone = businessTime.zone();
        return new PaymentStore.Filter(filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant(),
                filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant(), filter.method(),
                filter.status(), filter.type());
    }
}
