package app.comptoir.catalog.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A deleted category, with the place a restore gives it back: {@code parentId}/{@code parentPath} are its
 * former parent's when that one is still in the tree, null when the restore puts it at the top level.
 */
public record DeletedCategory(UUID id, String name, UUID parentId, String parentPath, Instant deletedAt) {
}
