package app.comptoir.assistant;

import java.util.List;
import java.util.UUID;

/**
 * Descriptions to write for a selection of products, all with the same platform, tone, length and language (null:
 * shop, friendly, medium, the business's), in a background job.
 */
public record BulkDescriptionRequest(List<UUID> productIds, TargetPlatform platform, Tone tone, Length length,
                                     Language language) {
}
