package app.comptoir.assistant;

import java.util.UUID;

/**
 * A description to write for a product, or for one of its variants ({@code variantId}: its options are named);
 * one of the two is required. Null {@code platform}, {@code tone}, {@code length}: shop, friendly, medium; null
 * {@code language}: the business's.
 */
public record DescriptionRequest(UUID productId, UUID variantId, TargetPlatform platform, Tone tone, Length length,
                                 Language language) {
}
