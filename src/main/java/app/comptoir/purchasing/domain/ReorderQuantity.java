package app.comptoir.purchasing.domain;

/**
 * How much to order of a variant from its supplier: what inventory suggests minus what is already on order,
 * then at least the supplier's minimum quantity and a whole number of packs. Nothing when what is on order
 * already covers the suggestion.
 */
public final class ReorderQuantity {

    private ReorderQuantity() {
    }

    /** What remains to order once what is on order is counted (never negative). */
    public static int need(int suggested, int onOrder) {
        return Math.max(0, suggested - Math.max(0, onOrder));
    }

    /** The quantity to order for a need: 0 for no need, else at least {@code minQuantity}, rounded up to packs. */
    public static int toOrder(int need, int packSize, int minQuantity) {
        if (need <= 0) {
            return 0;
        }
        int pack = Math.max(1, packSize);
        int wanted = Math.max(need, Math.max(1, minQuantity));
        long packs = (wanted + (long) pack - 1) / pack;
        return (int) Math.min(Integer.MAX_VALUE, packs * pack);
    }
}
