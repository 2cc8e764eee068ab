package app.comptoir.identity.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import app.comptoir.identity.LegalIdentity;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.TextInput;

/**
 * What a legal identity may hold. Every field is optional (a business fills it in step by step), but what is
 * entered must be right, since invoices print it: SIREN (9 digits) and SIRET (14 digits) pass the Luhn check
 * and agree with each other, a French VAT number is {@code FR} + its key + the SIREN, an IBAN passes the
 * ISO 13616 mod-97 check. Every broken field is reported at once.
 */
public final class LegalIdentityRules {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern EU_VAT = Pattern.compile("[A-Z]{2}[A-Z0-9]{2,13}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    // NINEA: 7 to 9 digits, optionally followed by the 3-character tax code (COFI), e.g. "005123456 2G3".
    private static final Pattern NINEA = Pattern.compile("[0-9]{7,9}( ?[0-9A-Z]{3})?");
    // RCCM: "SN-DKR-2020-B-12345" and its variants (spaces, dots or slashes as separators).
    private static final Pattern RCCM = Pattern.compile("[A-Z]{2}[-. /]?[A-Z]{3}[-. /]?[0-9]{4}[-. /]?[A-Z][-. /]?[0-9]{1,7}");
    /** La Poste's SIREN: its establishments' SIRETs follow another rule (digit sum multiple of 5). */
    private static final String LA_POSTE = "356000000";

    private LegalIdentityRules() {
    }

    /** The identity to store: trimmed, normalised (upper case, no spaces in numbers), or every broken field. */
    public static LegalIdentity check(LegalIdentity in) {
        List<FieldError> errors = new ArrayList<>();
        String legalName = text(in.legalName(), "legalName", 200, errors);
        String legalForm = text(in.legalForm(), "legalForm", 200, errors);
        String line1 = text(in.addressLine1(), "addressLine1", 200, errors);
        String line2 = text(in.addressLine2(), "addressLine2", 200, errors);
        String postalCode = text(in.postalCode(), "postalCode", 20, errors);
        String city = text(in.city(), "city", 120, errors);
        String country = compact(in.country());
        if (country != null && !COUNTRY.matcher(country).matches()) {
            errors.add(new FieldError("country", "must be a two-letter country code such as FR or SN"));
        }
        String siren = compact(in.siren());
        if (siren != null && !isSiren(siren)) {
            errors.add(new FieldError("siren", "must be 9 digits with a valid check digit"));
        }
        String siret = compact(in.siret());
        if (siret != null) {
            if (!isSiret(siret)) {
                errors.add(new FieldError("siret", "must be 14 digits with a valid check digit"));
            } else if (siren != null && !siret.startsWith(siren)) {
                errors.add(new FieldError("siret", "must start with the SIREN"));
            }
        }
        String vat = compact(in.vatNumber());
        if (vat != null) {
            if (vat.startsWith("FR")) {
                if (!isFrenchVat(vat)) {
                    errors.add(new FieldError("vatNumber", "must be FR, a two-digit key and the SIREN"));
                } else if (siren != null && !vat.endsWith(siren)) {
                    errors.add(new FieldError("vatNumber", "must end with the SIREN"));
                }
            } else if (!EU_VAT.matcher(vat).matches()) {
                errors.add(new FieldError("vatNumber", "must be a country code followed by the number"));
            }
        }
        String ninea = upper(in.ninea());
        if (ninea != null && !NINEA.matcher(ninea).matches()) {
            errors.add(new FieldError("ninea", "must be 7 to 9 digits optionally followed by the tax code"));
        }
        String rccm = upper(in.rccm());
        if (rccm != null && !RCCM.matcher(rccm).matches()) {
            errors.add(new FieldError("rccm", "must look like SN-DKR-2020-B-12345"));
        }
        String iban = compact(in.iban());
        if (iban != null && !isIban(iban)) {
            errors.add(new FieldError("iban", "must be a valid IBAN"));
        }
        String bic = compact(in.bic());
        if (bic != null && !BIC.matcher(bic).matches()) {
            errors.add(new FieldError("bic", "must be 8 or 11 letters and digits"));
        }
        String bankName = text(in.bankName(), "bankName", 120, errors);
        Integer days = in.paymentDays();
        if (days != null && (days < 0 || days > 365)) {
            errors.add(new FieldError("paymentDays", "must be between 0 and 365"));
        }
        String terms = text(in.paymentTerms(), "paymentTerms", 500, errors);
        String mentions = text(in.legalMentions(), "legalMentions", 2000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The legal identity has invalid fields", errors);
        }
        return new LegalIdentity(legalName, legalForm, line1, line2, postalCode, city, country, siren, siret, vat,
                ninea, rccm, iban, bic, bankName, days, terms, mentions, in.hasLogo());
    }

    /** 9 digits passing the Luhn check. */
    public static boolean isSiren(String siren) {
        return siren.length() == 9 && DIGITS.matcher(siren).matches() && luhn(siren);
    }

    /** 14 digits passing the Luhn check (La Poste's establishments: digit sum multiple of 5). */
    public static boolean isSiret(String siret) {
        if (siret.length() != 14 || !DIGITS.matcher(siret).matches()) {
            return false;
        }
        if (siret.startsWith(LA_POSTE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    /** {@code FR}, the key {@code (12 + 3 × (SIREN mod 97)) mod 97} on two digits, then a valid SIREN. */
    public static boolean isFrenchVat(String vat) {
        if (vat.length() != 13 || !vat.startsWith("FR")) {
            return false;
        }
        String key = vat.substring(2, 4);
        String siren = vat.substring(4);
        return DIGITS.matcher(key).matches() && isSiren(siren)
                && Integer.parseInt(key) == frenchVatKey(siren);
    }

    /** The two-digit key of the French VAT number of a SIREN. */
    public static int frenchVatKey(String siren) {
        return (int) ((12 + 3 * (Long.parseLong(siren) % 97)) % 97);
    }

    /** ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    public static boolean isIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static String text(String value, String field, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (TextInput.hasControlCharacter(trimmed)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        } else if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return trimmed;
    }

    /** Upper case without spaces, dots or dashes (how numbers are typed: "FR 40 303 265 045"). */
    private static String compact(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
