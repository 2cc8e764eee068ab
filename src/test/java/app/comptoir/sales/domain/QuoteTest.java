package app.comptoir.sales.domain;

import static app.comptoir.sales.domain.SampleOrders.NOW;
import static app.comptoir.sales.domain.SampleOrders.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.platform.ComptoirException;
import app.comptoir.sales.QuoteAccepted;
import app.comptoir.sales.QuoteSent;

class QuoteTest {

    private static Quote quote(QuoteStatus status, LineView... lines) {
        return Quote.restore(SampleOrders.TENANT, UUID.randomUUID(), "DEV-2026-000001", status,
                new CustomerRef(UUID.randomUUID(), "Client", null), LocalDate.of(2026, 12, 25), List.of(lines),
                new BigDecimal("0.00"), "EUR", false, null, null, null, NOW, NOW, 0);
    }

    @Test
    void sendingAQuoteAnnouncesIt() {
        Quote quote = quote(QuoteStatus.DRAFT, line(1, 0));

        quote.moveTo(QuoteStatus.SENT, NOW);

        assertThat(quote.status()).isEqualTo(QuoteStatus.SENT);
        assertThat(quote.events()).singleElement().isInstanceOf(QuoteSent.class);
    }

    @Test
    void sendingAnEmptyQuoteIsRefused() {
        assertThatThrownBy(() -> quote(QuoteStatus.DRAFT).moveTo(QuoteStatus.SENT, NOW))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("quote-empty"))
                .hasMessage("Quote DEV-2026-000001 has no lines to send");
    }

    @Test
    void aDraftIsNotAcceptedWithoutBeingSent() {
        assertThatThrownBy(() -> quote(QuoteStatus.DRAFT, line(1, 0)).moveTo(QuoteStatus.ACCEPTED, NOW))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Quote DEV-2026-000001 cannot go from DRAFT to ACCEPTED (allowed: SENT)");
    }

    @Test
    void onlyADraftQuoteChanges() {
        Quote sent = quote(QuoteStatus.SENT, line(1, 0));

        assertThatThrownBy(() -> sent.requireChangeable(null))
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("quote-not-draft"));
    }

    @Test
    void convertingAQuoteAcceptsItAndNamesTheOrder() {
        Quote quote = quote(QuoteStatus.SENT, line(1, 0));
        UUID order = UUID.randomUUID();

        quote.convertedInto(order, "CMD-2026-000007", NOW);

        assertThat(quote.status()).isEqualTo(QuoteStatus.ACCEPTED);
        assertThat(quote.next()).isEmpty();
        assertThat(quote.events()).singleElement().isInstanceOfSatisfying(QuoteAccepted.class,
                e -> assertThat(e.orderId()).isEqualTo(order));
        assertThatThrownBy(quote::requireConvertible)
                .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("quote-converted"))
                .hasMessage("Quote DEV-2026-000001 was already converted into order CMD-2026-000007");
    }

    @Test
    void anExpiredOrRejectedQuoteDoesNotConvert() {
        for (QuoteStatus status : List.of(QuoteStatus.EXPIRED, QuoteStatus.REJECTED)) {
            assertThatThrownBy(() -> quote(status, line(1, 0)).requireConvertible())
                    .isInstanceOfSatisfying(ComptoirException.class, e -> assertThat(e.type()).isEqualTo("illegal-transition"));
        }
    }
}
