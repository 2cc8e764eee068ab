package app.comptoir.assistant;

import java.math.BigDecimal;

/**
 * The business's description cache since it started: requests answered from the cache ({@code hits}) or written
 * anew ({@code misses}), the share of hits (0 to 1, 0 without request), the provider tokens and cost the hits
 * saved, and how many descriptions are kept.
 */
public record CacheStats(long hits, long misses, double hitRate, long tokensSaved, BigDecimal costSaved,
                         String costCurrency, long entries) {
}
