package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * VAT rates. The usual ones (France: 20, 10, 5.5, 2.1 and 0 %) are suggested, but any rate from 0 to
 * less than 100 with at most two decimals is accepted, since other countries use others (18 % in
 * Senegal).
 */
public final class VatRates {

    /** The rates suggested in forms, most common first. */
    public static final List<BigDecimal> SUGGESTED = List.of(new BigDecimal("20.00"), new BigDecimal("10.00"),
            new BigDecimal("5.50"), new BigDecimal("2.10"), new BigDecimal("0.00"));

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private VatRates() {
    }

    public static boolean isValid(BigDecimal rate) {
        return rate != null && rate.signum() >= 0 && rate.compareTo(HUNDRED) < 0
                && rate.stripTrailingZeros().scale() <= 2;
    }
}
