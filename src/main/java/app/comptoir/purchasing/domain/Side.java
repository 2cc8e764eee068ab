package app.comptoir.purchasing.domain;

/** Who acts on a purchase order: the business that buys, or the registered supplier it is addressed to. */
public enum Side {
    BUYER, SUPPLIER
}
