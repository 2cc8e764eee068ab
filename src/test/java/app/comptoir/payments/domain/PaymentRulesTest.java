package app.comptoir.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentState;
import app.comptoir.payments.PaymentStatus;
import app.comptoir.platform.InvalidInputException;

/** The rules of payments: states, what a payment and a checkout must be, how a refund is split, which moves a payment makes. */
class PaymentRulesTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theStateFollowsWhatWasPaidAndKept() {
        assertThat(PaymentStates.of(d("50"), d("0"), d("0"))).isEqualTo(PaymentState.UNPAID);
        assertThat(PaymentStates.of(d("50"), d("20"), d("0"))).isEqualTo(PaymentState.PARTLY_PAID);
        assertThat(PaymentStates.of(d("50"), d("50"), d("0"))).isEqualTo(PaymentState.PAID);
        assertThat(PaymentStates.of(d("50"), d("50"), d("5"))).isEqualTo(PaymentState.PARTLY_PAID);
        assertThat(PaymentStates.of(d("50"), d("50"), d("50"))).isEqualTo(PaymentState.REFUNDED);
        assertThat(PaymentStates.of(d("0"), d("50"), d("0"))).isEqualTo(PaymentState.PAID);
        assertThat(PaymentStates.of(d("0"), d("0"), d("0"))).isEqualTo(PaymentState.UNPAID);
    }

    @Test
    void anOnSitePaymentReportsEveryBrokenFieldAtOnce() {
        OnSitePayment bad = new OnSitePayment(PaymentMethod.CARD_ONLINE, d("12.5"), "r".repeat(121), "n".repeat(501));

        assertThatThrownBy(() -> PaymentRules.onSite(bad, "XOF", d("10000")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("method", "amount", "reference", "note"));
        assertThatThrownBy(() -> PaymentRules.onSite(new OnSitePayment(PaymentMethod.CASH, d("60"), null, null), "EUR",
                d("50"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().message()).contains("50", "left to pay"));
        OnSitePayment ok = PaymentRules.onSite(new OnSitePayment(PaymentMethod.CASH, d("12.5"), "  CHQ 1 ", " "), "EUR",
                d("50"));
        assertThat(ok.amount()).isEqualTo(d("12.50"));
        assertThat(ok.reference()).isEqualTo("CHQ 1");
        assertThat(ok.note()).isNull();
    }

    @Test
    void aCheckoutExpiresWithinWhatStripeAccepts() {
        Instant now = Instant.parse("2026-03-29T00:30:00Z");
        CheckoutRequest soon = new CheckoutRequest(d("10"), null, null, "https://a.test/ok", "https://a.test/ko",
                now.plus(Duration.ofMinutes(15)));
        CheckoutRequest late = new CheckoutRequest(d("10"), "x", null, "https://a.test/ok", "https://a.test/ko",
                now.plus(Duration.ofDays(3)));
        CheckoutRequest unsaid = new CheckoutRequest(d("10"), "x", null, "https://a.test/ok", "https://a.test/ko", null);

        assertThat(PaymentRules.checkout(soon, "EUR", d("10"), now, "Commande").expiresAt())
                .isEqualTo(now.plus(PaymentRules.MIN_CHECKOUT));
        assertThat(PaymentRules.checkout(soon, "EUR", d("10"), now, "Commande").description()).isEqualTo("Commande");
        assertThat(PaymentRules.checkout(late, "EUR", d("10"), now, "x").expiresAt()).isEqualTo(now.plus(PaymentRules.MAX_CHECKOUT));
        assertThat(PaymentRules.checkout(unsaid, "EUR", d("10"), now, "x").expiresAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> PaymentRules.checkout(new CheckoutRequest(d("10"), null, "pas-un-email",
                "javascript:alert(1)", "/relative", null), "EUR", d("5"), now, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("amount", "customerEmail", "successUrl", "cancelUrl"));
    }

    @Test
    void aRefundIsTakenFromTheMostRecentPaymentsFirst() {
        UUID cash = UUID.randomUUID();
        UUID card = UUID.randomUUID();
        List<RefundAllocation.Refundable> paid = List.of(
                new RefundAllocation.Refundable(cash, PaymentMethod.CASH, d("20"), Instant.parse("2026-01-01T10:00:00Z")),
                new RefundAllocation.Refundable(card, PaymentMethod.CARD_ONLINE, d("30"), Instant.parse("2026-01-01T11:00:00Z")));

        assertThat(RefundAllocation.split(d("10"), paid)).containsExactly(
                new RefundAllocation.Part(card, PaymentMethod.CARD_ONLINE, d("10")));
        assertThat(RefundAllocation.split(d("45"), paid)).containsExactly(
                new RefundAllocation.Part(card, PaymentMethod.CARD_ONLINE, d("30")),
                new RefundAllocation.Part(cash, PaymentMethod.CASH, d("15")));
        assertThatThrownBy(() -> PaymentRules.refund(d("51"), null, "EUR", d("50")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPaymentEndsOnceAndTheProvidersWordThatMoneyWasTakenWins() {
        assertThat(PaymentLifecycle.moves(PaymentStatus.PENDING, PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentLifecycle.moves(PaymentStatus.PENDING, PaymentStatus.EXPIRED)).isTrue();
        assertThat(PaymentLifecycle.moves(PaymentStatus.EXPIRED, PaymentStatus.SUCCEEDED)).isTrue();
        assertThat(PaymentLifecycle.moves(PaymentStatus.SUCCEEDED, PaymentStatus.SUCCEEDED)).isFalse();
        assertThat(PaymentLifecycle.moves(PaymentStatus.SUCCEEDED, PaymentStatus.EXPIRED)).isFalse();
        assertThat(PaymentLifecycle.moves(PaymentStatus.EXPIRED, PaymentStatus.FAILED)).isFalse();
    }
}
