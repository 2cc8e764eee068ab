package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.payments.application.PaymentQueries;
import app.comptoir.payments.application.PaymentsActor;
import app.comptoir.payments.persistence.OutstandingDues;
import app.comptoir.platform.Money;

/**
 * Payment figures for dashboards (read-only): the subjects that still owe something, and what was received on a day
 * per method, in the business's currency and time zone.
 */
@Service
@Transactional(readOnly = true)
public class PaymentFigures {

    /**
     * What a day brought in: the amount received per method (every method present, zeros included), what was given
     * back that day, and the net.
     */
    public record Takings(LocalDate day, String currency, Map<PaymentMethod, BigDecimal> received,
                          BigDecimal totalReceived, BigDecimal refunded, BigDecimal net) {
    }

    private final OutstandingDues outstanding;
    private final PaymentQueries queries;
    private final PaymentsActor actor;

    PaymentFigures(OutstandingDues outstanding, PaymentQueries queries, PaymentsActor actor) {
        this.outstanding = outstanding;
        this.queries = queries;
        this.actor = actor;
    }

    /**
     * Every subject of the type that still owes something (its due above what was paid and kept), with what is left
     * to collect: one statement over the business's dues, whatever their number.
     */
    public Map<UUID, BigDecimal> outstanding(SubjectType type) {
        return outstanding.of(actor.tenant(), type);
    }

    /** What the day (today when null, in the business's zone) brought in, per method. */
    public Takings takings(LocalDate day) {
        PaymentQueries.CashDrawer drawer = queries.drawer(day);
        Map<PaymentMethod, BigDecimal> received = new LinkedHashMap<>();
        drawer.methods().forEach(m -> received.put(m.method(), m.received()));
        return new Takings(drawer.day(), drawer.currency(), received, drawer.totalReceived(), drawer.totalRefunded(),
                Money.round(drawer.totalNet(), drawer.currency()));
    }
}
