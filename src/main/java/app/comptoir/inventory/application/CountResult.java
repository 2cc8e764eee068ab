package app.comptoir.inventory.application;

import app.comptoir.inventory.Movement;
import app.comptoir.inventory.StockLevelView;

/** The level after a count, and the adjustment it recorded (null when the count matched). */
public record CountResult(StockLevelView level, Movement adjustment) {
}
