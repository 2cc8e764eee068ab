package app.comptoir.catalog.domain;

/** GTIN barcodes: EAN-8, UPC-A (12 digits) and EAN-13, with their check digit. */
public final class Barcodes {

    private Barcodes() {
    }

    /** Whether the code is 8, 12 or 13 digits and its last digit is the right check digit. */
    public static boolean isValid(String code) {
        if (code == null || !(code.length() == 8 || code.length() == 12 || code.length() == 13)) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /**
     * The GS1 check digit of the digits before it: from the right, weights 3, 1, 3, 1... so the same
     * rule serves EAN-8, UPC-A and EAN-13.
     */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Completes 7, 11 or 12 digits with their check digit. */
    public static String withCheckDigit(String digits) {
        return digits + checkDigit(digits);
    }
}
