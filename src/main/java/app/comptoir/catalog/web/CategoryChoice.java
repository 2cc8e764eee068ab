package app.comptoir.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.comptoir.catalog.CategoryNode;

/**
 * A category as a line of a select or of the tree page: the tree flattened in display order, each
 * with its depth (0 at the top) for indentation and its place among its siblings.
 */
record CategoryChoice(UUID id, String name, UUID parentId, int depth, long productCount, boolean first,
                      boolean last, String path) {

    /** The text of a select option: the name indented by its depth (non-breaking spaces survive in options). */
    public String indentedName() {
        return "\u00A0\u00A0\u00A0".repeat(depth) + (depth > 0 ? "› " : "") + name;
    }

    static List<CategoryChoice> flatten(List<CategoryNode> tree) {
        List<CategoryChoice> all = new ArrayList<>();
        walk(tree, 0, "", all);
        return all;
    }

    private static void walk(List<CategoryNode> level, int depth, String parentPath, List<CategoryChoice> into) {
        for (int i = 0; i < level.size(); i++) {
            CategoryNode node = level.get(i);
            String path = parentPath.isEmpty() ? node.name() : parentPath + " › " + node.name();
            into.add(new CategoryChoice(node.id(), node.name(), node.parentId(), depth, node.productCount(), i == 0,
                    i == level.size() - 1, path));
            walk(node.children(), depth + 1, path, into);
        }
    }
}
