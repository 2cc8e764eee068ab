package app.comptoir.platform;

/**
 * Whether the current business enters its prices with VAT (TTC) or without (HT): the one answer for every
 * module that shows, reads or writes a price; identity implements it from the tenant's settings, so a module
 * such as the catalog needs no call into identity.
 */
public interface BusinessPrices {

    /** True if the current business's prices include VAT (TTC), false if they exclude it (HT). */
    boolean includeVat();
}
