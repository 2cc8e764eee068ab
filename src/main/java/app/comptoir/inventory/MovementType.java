package app.comptoir.inventory;

/** The kinds of stock movement; the type gives the direction of a positive quantity. */
public enum MovementType {
    /** Goods in (entrée): purchase receipt, production, gift. */
    RECEIPT(1),
    /** Goods out (sortie) other than a sale: breakage, own use, loss. */
    ISSUE(-1),
    /** A correction, e.g. after a physical count: either direction. */
    ADJUSTMENT(0),
    /** Goods sold, usually committed from a reservation. */
    SALE(-1),
    /** Goods returned by a customer. */
    RETURN(1),
    /** Goods moved from one location to another. */
    TRANSFER(-1);

    private final int direction;

    MovementType(int direction) {
        this.direction = direction;
    }

    /** +1 adds to the location, -1 takes from it, 0 either (the sign of the quantity decides). */
    public int direction() {
        return direction;
    }

    /** Whether the movement takes goods out for a customer or a loss (what slow-moving detection watches). */
    public boolean outgoing() {
        return this == ISSUE || this == SALE;
    }
}
