package app.comptoir.identity;

/**
 * The business's legal identity as its documents print it: legal name and form, address, registration numbers
 * (SIREN/SIRET and VAT number in France, NINEA/RCCM in Senegal), bank details, payment terms and legal mentions.
 * {@code hasLogo} tells whether a logo was uploaded (read it with {@link LegalIdentities#logo()}).
 */
public record LegalIdentity(String legalName, String legalForm, String addressLine1, String addressLine2,
                            String postalCode, String city, String country, String siren, String siret,
                            String vatNumber, String ninea, String rccm, String iban, String bic, String bankName,
                            Integer paymentDays, String paymentTerms, String legalMentions, boolean hasLogo) {

    /** Nothing entered yet. */
    public static LegalIdentity empty() {
        return new LegalIdentity(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, false);
    }

    /** The same identity with {@code hasLogo} set. */
    public LegalIdentity withLogo(boolean logo) {
        return new LegalIdentity(legalName, legalForm, addressLine1, addressLine2, postalCode, city, country, siren,
                siret, vatNumber, ninea, rccm, iban, bic, bankName, paymentDays, paymentTerms, legalMentions, logo);
    }

    /** A stored logo: PNG or JPEG bytes and their media type. */
    public record Logo(byte[] bytes, String mediaType) {
    }
}
