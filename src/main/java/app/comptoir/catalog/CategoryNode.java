package app.comptoir.catalog;

import java.util.List;
import java.util.UUID;

/** A category and its sub-categories, in position order; counts include the sub-categories' products. */
public record CategoryNode(UUID id, String name, UUID parentId, int position, long productCount,
                           List<CategoryNode> children) {
}
