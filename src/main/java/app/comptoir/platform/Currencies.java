package app.comptoir.platform;

import java.util.List;

/** The currencies a tenant may keep its books in (ISO 4217). XOF (FCFA) has no minor unit. */
public final class Currencies {

    /** Supported currency codes, most common first. */
    public static final List<String> SUPPORTED = List.of("EUR", "XOF", "USD", "GBP", "CHF", "CAD", "MAD", "XAF");

    private Currencies() {
    }

    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }
}
