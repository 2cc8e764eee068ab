package app.comptoir.inventory.domain;

/** What is on hand and reserved of one variant at one location; what is left is available. */
public record StockLevel(int onHand, int reserved) {

    /** On hand minus reserved: what a new order or exit may still take (negative where allowed). */
    public int available() {
        return onHand - reserved;
    }
}
