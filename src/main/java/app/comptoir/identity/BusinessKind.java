package app.comptoir.identity;

/**
 * What a business is on Comptoir: a merchant (a shop that sells, and buys from suppliers) or a registered
 * supplier (a wholesaler with a catalog on the marketplace, receiving merchants' purchase orders).
 */
public enum BusinessKind {
    MERCHANT, SUPPLIER
}
