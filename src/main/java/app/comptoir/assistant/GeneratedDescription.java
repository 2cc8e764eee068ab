package app.comptoir.assistant;

import java.math.BigDecimal;

/**
 * A description and where it comes from: {@code cached} when it was already written for the same facts and
 * settings (then {@code tokens} and {@code cost} are what this request cost: zero); {@code provider} is
 * {@code builtin}, {@code openai} or {@code ollama}; {@code cost} in {@code costCurrency}, from the prices per
 * thousand tokens configured.
 */
public record GeneratedDescription(String description, boolean cached, String provider, String model, int tokens,
                                   int tokensIn, int tokensOut, BigDecimal cost, String costCurrency) {
}
