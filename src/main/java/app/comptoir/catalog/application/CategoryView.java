package app.comptoir.catalog.application;

import java.util.UUID;

/**
 * A category with its place in the tree: parent, position among siblings, the path of names from
 * the top ({@code Arrosage > Tuyaux}) and how many live products it holds, its sub-categories included.
 */
public record CategoryView(UUID id, String name, UUID parentId, int position, String path, long productCount) {
}
