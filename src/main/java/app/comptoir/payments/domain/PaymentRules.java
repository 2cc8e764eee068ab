package app.comptoir.payments.domain;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.comptoir.payments.CheckoutRequest;
import app.comptoir.payments.OnSitePayment;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.Money;
import app.comptoir.platform.TextInput;

/**
 * What a payment, a checkout or a refund must be, checked in one place and reporting every broken field at once:
 * an amount above zero, in the currency's decimals (none for XOF), never more than what is left to pay (or, for a
 * refund, what was kept); texts of bounded length without control characters; a checkout's return addresses
 * absolute http(s) URLs and its expiry within what Stripe accepts (30 minutes to 24 hours from now).
 */
public final class PaymentRules {

    /** The largest amount a payment may have (numeric(14,2)). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");

    /** The shortest time a checkout stays open (Stripe refuses less than 30 minutes). */
    public static final Duration MIN_CHECKOUT = Duration.ofMinutes(31);

    /** The longest time a checkout stays open (Stripe refuses more than 24 hours). */
    public static final Duration MAX_CHECKOUT = Duration.ofHours(23).plusMinutes(59);

    /** How long a checkout stays open when the caller does not say. */
    public static final Duration DEFAULT_CHECKOUT = Duration.ofHours(1);

    private PaymentRules() {
    }

    /** A payment received on site, normalised (amount at the currency's decimals, texts stripped), or every error. */
    public static OnSitePayment onSite(OnSitePayment payment, String currency, BigDecimal leftToPay) {
        List<FieldError> errors = new ArrayList<>();
        if (payment == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        if (payment.method() == null) {
            errors.add(new FieldError("method", "is required (CASH, CARD_TERMINAL, TRANSFER or CHEQUE)"));
        } else if (payment.method().online()) {
            errors.add(new FieldError("method", "must be a method used on site (CASH, CARD_TERMINAL, TRANSFER or CHEQUE)"));
        }
        BigDecimal amount = amount("amount", payment.amount(), currency, errors);
        if (amount != null && amount.compareTo(leftToPay) > 0) {
            errors.add(new FieldError("amount", leftToPay.signum() == 0 ? "nothing is left to pay"
                    : "must be at most " + leftToPay.toPlainString() + " " + currency + ", what is left to pay"));
        }
        String reference = text("reference", payment.reference(), 120, errors);
        String note = text("note", payment.note(), 500, errors);
        throwIfAny(errors);
        return new OnSitePayment(payment.method(), amount, reference, note);
    }

    /**
     * A checkout to start, normalised: the amount at the currency's decimals (at most what is left to pay), a
     * description (the default when blank), the e-mail if any, the return addresses, and the expiry brought into
     * Stripe's range (31 minutes to 23 h 59 from now; an hour when none is asked).
     */
    public static CheckoutRequest checkout(CheckoutRequest request, String currency, BigDecimal leftToPay, Instant now,
                                           String defaultDescription) {
        if (request == null) {
            throw InvalidInputException.field("amount", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = amount("amount", request.amount(), currency, errors);
        if (amount != null && amount.compareTo(leftToPay) > 0) {
            errors.add(new FieldError("amount", leftToPay.signum() == 0 ? "nothing is left to pay"
                    : "must be at most " + leftToPay.toPlainString() + " " + currency + ", what is left to pay"));
        }
        String description = text("description", request.description(), 200, errors);
        String email = text("customerEmail", request.customerEmail(), 254, errors);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("customerEmail", "must be an e-mail address"));
        }
        String success = url("successUrl", request.successUrl(), errors);
        String cancel = url("cancelUrl", request.cancelUrl(), errors);
        throwIfAny(errors);
        Instant wanted = request.expiresAt() == null ? now.plus(DEFAULT_CHECKOUT) : request.expiresAt();
        Instant expires = wanted.isBefore(now.plus(MIN_CHECKOUT)) ? now.plus(MIN_CHECKOUT)
                : wanted.isAfter(now.plus(MAX_CHECKOUT)) ? now.plus(MAX_CHECKOUT) : wanted;
        return new CheckoutRequest(amount, description == null ? defaultDescription : description, email, success,
                cancel, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** A refund's amount, at most what was kept ({@code refundable}), and its reason; or every error. */
    public static BigDecimal refund(BigDecimal amount, String reason, String currency, BigDecimal refundable) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal checked = amount("amount", amount, currency, errors);
        if (checked != null && checked.compareTo(refundable) > 0) {
            errors.add(new FieldError("amount", refundable.signum() == 0 ? "nothing was paid to refund"
                    : "must be at most " + refundable.toPlainString() + " " + currency + ", what was paid"));
        }
        text("reason", reason, 500, errors);
        throwIfAny(errors);
        return checked;
    }

    /** An amount due: zero or more, in the currency's decimals. */
    public static BigDecimal due(BigDecimal amount, String currency) {
        if (amount == null || amount.signum() < 0) {
            throw InvalidInputException.field("amountDue", "must be 0 or more");
        }
        if (!Money.fitsDecimals(amount, currency) || amount.compareTo(MAX_AMOUNT) > 0) {
            throw InvalidInputException.field("amountDue", "must have at most " + Money.decimals(currency)
                    + " decimals in " + currency);
        }
        return Money.round(amount, currency);
    }

    /** A text stripped (null when blank), at most {@code max} characters, without control characters. */
    public static String text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (TextInput.hasControlCharacter(text)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return text;
    }

    /** The method named by a text (any case), or null when it names none. */
    public static PaymentMethod method(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PaymentMethod.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal amount(String field, BigDecimal amount, String currency, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (amount.signum() <= 0) {
            errors.add(new FieldError(field, "must be more than 0"));
            return null;
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new FieldError(field, "is too large"));
            return null;
        }
        if (!Money.fitsDecimals(amount, currency)) {
            int decimals = Money.decimals(currency);
            errors.add(new FieldError(field, decimals == 0 ? "must be a whole amount in " + currency
                    : "must have at most " + decimals + " decimals in " + currency));
            return null;
        }
        return Money.round(amount, currency);
    }

    private static String url(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String text = value.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || text.length() > 2000) {
                errors.add(new FieldError(field, "must be an absolute http(s) address"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "must be an absolute http(s) address"));
        }
        return text;
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
    }
}
