package app.comptoir.inventory;

/** The level after a count, and the adjustment it recorded (null when the count matched). */
public record CountResult(StockLevelView level, Movement adjustment) {
}
