package app.comptoir.assistant.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a provider call cost: tokens in and out at their prices per thousand tokens, to six decimals. */
public final class Costs {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Costs() {
    }

    /** The cost of {@code tokensIn} prompt and {@code tokensOut} completion tokens at these prices (null: free). */
    public static BigDecimal of(long tokensIn, long tokensOut, BigDecimal pricePer1kIn, BigDecimal pricePer1kOut) {
        BigDecimal in = pricePer1kIn == null ? BigDecimal.ZERO : pricePer1kIn.multiply(BigDecimal.valueOf(tokensIn));
        BigDecimal out = pricePer1kOut == null ? BigDecimal.ZERO : pricePer1kOut.multiply(BigDecimal.valueOf(tokensOut));
        return in.add(out).divide(THOUSAND, 6, RoundingMode.HALF_UP);
    }
}
